package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.livechatcontract.api.OmnichannelVisitorsApi;
import org.livechatcontract.model.VisitorRegisterRequest;
import org.livechatcontract.model.VisitorRegistration;
import org.livechatcontract.model.VisitorResponse;
import org.livechatcontract.model.VisitorRoomsResponse;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.RoomService;
import org.livechatcontract.server.domain.VisitorService;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.Validated;

/** {@code POST livechat/visitor} and {@code GET livechat/visitor/{token}/room}. */
@Singleton
public final class VisitorsResource implements OmnichannelVisitorsApi {
  private final VisitorService visitors;
  private final RoomService rooms;

  @Inject
  public VisitorsResource(VisitorService visitors, RoomService rooms) {
    this.visitors = visitors;
    this.rooms = rooms;
  }

  @Override
  @Validated
  public VisitorResponse registerVisitor(VisitorRegisterRequest body) {
    VisitorRegistration v = body.getVisitor();
    return new VisitorResponse()
        .visitor(Dtos.visitor(visitors.register(new VisitorService.Registration(
            v.getToken(), v.getName(), v.getEmail(), v.getPhone(), v.getDepartment(), v.getUsername()))))
        .success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.VIEW_LIVECHAT_MANAGER)
  public VisitorRoomsResponse getVisitorOpenRooms(String token) {
    return new VisitorRoomsResponse()
        .rooms(rooms.openRoomsOf(token).stream().map(Dtos::openRoom).toList())
        .success(true);
  }
}
