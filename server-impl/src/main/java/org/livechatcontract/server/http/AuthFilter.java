package org.livechatcontract.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Optional;
import org.livechatcontract.server.domain.AuthService;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.User;

/**
 * Rocket.Chat's authentication and permission middlewares, in their order: a missing or wrong
 * {@code X-User-Id}/{@code X-Auth-Token} pair is a 401, a missing permission a 403.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {
  static final String USER_ID = "X-User-Id";
  static final String AUTH_TOKEN = "X-Auth-Token";

  private final AuthService auth;
  private final Permissions permissions;
  private final List<String> required;
  private final List<String> anyOf;

  AuthFilter(AuthService auth, Permissions permissions, List<String> required, List<String> anyOf) {
    this.auth = auth;
    this.permissions = permissions;
    this.required = List.copyOf(required);
    this.anyOf = List.copyOf(anyOf);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String userId = request.getHeaderString(USER_ID);
    String token = request.getHeaderString(AUTH_TOKEN);
    Optional<User> user = auth.authenticate(userId, token);
    if (user.isEmpty()) {
      request.abortWith(ErrorBodies.unauthorized(ErrorBodies.NOT_LOGGED_IN));
      return;
    }
    boolean allowed = required.stream().allMatch(p -> permissions.has(user.get(), p))
        && (anyOf.isEmpty() || anyOf.stream().anyMatch(p -> permissions.has(user.get(), p)));
    if (!allowed) {
      request.abortWith(ErrorBodies.forbidden());
      return;
    }
    request.setSecurityContext(new AuthenticatedUser(user.get(), token, request.getSecurityContext().isSecure()));
  }
}
