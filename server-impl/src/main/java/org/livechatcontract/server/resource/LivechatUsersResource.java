package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.livechatcontract.api.OmnichannelUsersApi;
import org.livechatcontract.model.AgentStatusRequest;
import org.livechatcontract.model.AgentStatusResponse;
import org.livechatcontract.model.LivechatUserAddRequest;
import org.livechatcontract.model.LivechatUserAddResponse;
import org.livechatcontract.model.LivechatUserResponse;
import org.livechatcontract.model.LivechatUsersResponse;
import org.livechatcontract.model.SuccessResponse;
import org.livechatcontract.model.UserRef;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Page;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.domain.UserService;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.AuthenticatedUser;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** {@code livechat/users/:type}, {@code livechat/users/:type/:_id} and {@code livechat/agent.status}. */
@Singleton
public final class LivechatUsersResource implements OmnichannelUsersApi {
  private final UserService users;

  @Context
  private SecurityContext security;

  @Inject
  public LivechatUsersResource(UserService users) {
    this.users = users;
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_LIVECHAT_MANAGER)
  @Validated(InputStyle.AJV)
  public LivechatUserAddResponse addLivechatUser(String type, LivechatUserAddRequest body) {
    User user = users.addRole(UserService.LivechatRole.ofType(type), body.getUsername());
    return new LivechatUserAddResponse()
        .user(new UserRef().id(user.id()).username(user.username()))
        .success(true);
  }

  @Override
  @Authenticated
  @Validated(InputStyle.AJV)
  public LivechatUsersResponse listLivechatUsers(String type, String text, Boolean onlyAvailable, String excludeId,
      Boolean showIdleAgents, Integer count, Integer offset, String sort, String query, String fields) {
    Page<User> page = users.list(AuthenticatedUser.of(security).user(), type,
        new UserService.Filter(text, onlyAvailable, excludeId), offset, count);
    return new LivechatUsersResponse()
        .users(page.items().stream().map(Dtos::livechatUser).toList())
        .count(page.items().size())
        .offset(page.offset())
        .total(page.total())
        .success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_LIVECHAT_MANAGER)
  public LivechatUserResponse getLivechatUser(String type, String id) {
    return new LivechatUserResponse()
        .user(users.get(type, id).map(Dtos::livechatUser).orElse(null))
        .success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_LIVECHAT_MANAGER)
  public SuccessResponse removeLivechatUser(String type, String id) {
    users.removeRole(UserService.LivechatRole.ofType(type), id);
    return Dtos.success();
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_L_ROOM)
  @Validated(InputStyle.AJV)
  public AgentStatusResponse setAgentStatus(AgentStatusRequest body) {
    AgentStatus status = body.getStatus() == null ? null : AgentStatus.fromWire(body.getStatus().value());
    AgentStatus now = users.setAgentStatus(AuthenticatedUser.of(security).user(), status, body.getAgentId());
    return new AgentStatusResponse()
        .status(AgentStatusResponse.StatusEnum.fromValue(now.wire()))
        .success(true);
  }
}
