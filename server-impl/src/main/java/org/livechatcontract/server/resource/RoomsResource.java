package org.livechatcontract.server.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.livechatcontract.api.OmnichannelRoomsApi;
import org.livechatcontract.model.RoomResponse;
import org.livechatcontract.server.domain.Room;
import org.livechatcontract.server.domain.RoomService;
import org.livechatcontract.server.http.Validated;

/** {@code GET livechat/room}: the visitor's get-or-create. */
@Singleton
public final class RoomsResource implements OmnichannelRoomsApi {
  private final RoomService rooms;

  @Context
  private HttpHeaders headers;

  @Inject
  public RoomsResource(RoomService rooms) {
    this.rooms = rooms;
  }

  @Override
  @Validated
  public RoomResponse getLivechatRoom(String token, String rid, String agentId, String rcRoomType, String rcIsWidget) {
    // Rocket.Chat's isWidget(): both widget cookies, and the room remembers the Host it was opened on.
    Room.Source source = "l".equals(rcRoomType) && "t".equals(rcIsWidget)
        ? Room.Source.widget(headers.getHeaderString(HttpHeaders.HOST))
        : Room.Source.API;
    RoomService.RoomResult result = rooms.getOrCreate(token, rid, agentId, source);
    return new RoomResponse()
        .room(Dtos.room(result.room()))
        .newRoom(result.created())
        .success(true);
  }
}
