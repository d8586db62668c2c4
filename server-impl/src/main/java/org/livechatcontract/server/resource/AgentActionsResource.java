package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.livechatcontract.api.OmnichannelAgentActionsApi;
import org.livechatcontract.model.RoomCloseByUserRequest;
import org.livechatcontract.model.RoomForwardRequest;
import org.livechatcontract.model.SuccessResponse;
import org.livechatcontract.server.domain.AgentActions;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.AuthenticatedUser;
import org.livechatcontract.server.http.InputStyle;
import org.livechatcontract.server.http.Validated;

/** {@code livechat/room.closeByUser} and {@code livechat/room.forward}. */
@Singleton
public final class AgentActionsResource implements OmnichannelAgentActionsApi {
  private final AgentActions actions;

  @Context
  private SecurityContext security;

  @Inject
  public AgentActionsResource(AgentActions actions) {
    this.actions = actions;
  }

  @Override
  @Authenticated(permissions = Permissions.CLOSE_LIVECHAT_ROOM)
  @Validated(InputStyle.AJV)
  public SuccessResponse closeRoomByUser(RoomCloseByUserRequest body) {
    actions.closeByUser(AuthenticatedUser.of(security).user(), body.getRid());
    return Dtos.success();
  }

  @Override
  @Authenticated(permissions = {Permissions.VIEW_L_ROOM, Permissions.TRANSFER_LIVECHAT_GUEST})
  @Validated(InputStyle.AJV)
  public SuccessResponse forwardRoom(RoomForwardRequest body) {
    actions.forward(body.getRoomId(), body.getUserId(), body.getDepartmentId());
    return Dtos.success();
  }
}
