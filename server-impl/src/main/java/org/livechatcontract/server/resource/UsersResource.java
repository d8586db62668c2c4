package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.livechatcontract.api.UsersApi;
import org.livechatcontract.model.SuccessResponse;
import org.livechatcontract.model.UserCreateRequest;
import org.livechatcontract.model.UserResponse;
import org.livechatcontract.model.UserSetStatusRequest;
import org.livechatcontract.server.domain.UserService;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.AuthenticatedUser;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** {@code POST users.create} and {@code POST users.setStatus}. */
@Singleton
public final class UsersResource implements UsersApi {
  private final UserService users;

  @Context
  private SecurityContext security;

  @Context
  private UriInfo uri;

  @Inject
  public UsersResource(UserService users) {
    this.users = users;
  }

  @Override
  @Authenticated
  @Validated(InputStyle.AJV)
  public UserResponse createUser(UserCreateRequest body) {
    return new UserResponse()
        .user(Dtos.user(users.create(AuthenticatedUser.of(security).user(), new UserService.NewUser(
            body.getUsername(), body.getName(), body.getEmail(), body.getPassword(), body.getRoles(), body.getActive())),
            uri.getBaseUri()))
        .success(true);
  }

  @Override
  @Authenticated
  @Validated
  public SuccessResponse setUserStatus(UserSetStatusRequest body) {
    users.setStatus(AuthenticatedUser.of(security).user(), body.getStatus(), body.getUserId(), body.getUsername());
    return Dtos.success();
  }
}
