package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.livechatcontract.api.AuthenticationApi;
import org.livechatcontract.model.LoginData;
import org.livechatcontract.model.LoginRequest;
import org.livechatcontract.model.LoginResponse;
import org.livechatcontract.model.LogoutData;
import org.livechatcontract.model.LogoutResponse;
import org.livechatcontract.model.MeResponse;
import org.livechatcontract.server.domain.AuthService;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.AuthenticatedUser;
import org.livechatcontract.server.http.Validated;

/** {@code POST login}, {@code POST logout}, {@code GET me}. */
@Singleton
public final class AuthenticationResource implements AuthenticationApi {
  private final AuthService auth;

  @Context
  private SecurityContext security;

  @Context
  private UriInfo uri;

  @Inject
  public AuthenticationResource(AuthService auth) {
    this.auth = auth;
  }

  @Override
  @Validated
  public LoginResponse login(LoginRequest body) {
    AuthService.Session session = auth.login(new AuthService.Credentials(
        body.getUser(), body.getUsername(), body.getEmail(), body.getPassword(), body.getResume()));
    return new LoginResponse()
        .status(LoginResponse.StatusEnum.SUCCESS)
        .data(new LoginData()
            .userId(session.user().id())
            .authToken(session.authToken())
            .me(Dtos.user(session.user(), uri.getBaseUri())))
        .success(true);
  }

  @Override
  @Authenticated
  public LogoutResponse logout() {
    AuthenticatedUser current = AuthenticatedUser.of(security);
    auth.logout(current.user().id(), current.authToken());
    return new LogoutResponse()
        .status(LogoutResponse.StatusEnum.SUCCESS)
        .data(new LogoutData().message("You've been logged out!"))
        .success(true);
  }

  @Override
  @Authenticated
  public MeResponse getMe() {
    return Dtos.me(AuthenticatedUser.of(security).user(), uri.getBaseUri());
  }
}
