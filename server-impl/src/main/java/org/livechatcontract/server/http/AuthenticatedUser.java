package org.livechatcontract.server.http;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.livechatcontract.server.domain.User;

/** The security context of a request whose credentials were accepted. */
public final class AuthenticatedUser implements SecurityContext {
  private final User user;
  private final String authToken;
  private final boolean secure;

  AuthenticatedUser(User user, String authToken, boolean secure) {
    this.user = user;
    this.authToken = authToken;
    this.secure = secure;
  }

  /** The user behind the request; resources call this only on {@link Authenticated} methods. */
  public static AuthenticatedUser of(SecurityContext context) {
    if (context instanceof AuthenticatedUser u) {
      return u;
    }
    // A proxied context (singleton resources get one) delegates to the request's real one.
    if (context != null && context.getUserPrincipal() instanceof UserPrincipal p) {
      return p.owner;
    }
    throw new IllegalStateException("no authenticated user: is the method annotated @Authenticated?");
  }

  public User user() {
    return user;
  }

  public String authToken() {
    return authToken;
  }

  @Override
  public Principal getUserPrincipal() {
    return new UserPrincipal(this);
  }

  @Override
  public boolean isUserInRole(String role) {
    return user.hasRole(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "X-Auth-Token";
  }

  private record UserPrincipal(AuthenticatedUser owner) implements Principal {
    @Override
    public String getName() {
      return owner.user.username();
    }
  }
}
