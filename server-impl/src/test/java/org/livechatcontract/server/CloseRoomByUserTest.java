package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code POST livechat/room.closeByUser}: an agent or manager closes a room (behaviour-doc §2.2). */
class CloseRoomByUserTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String PATH = "/api/v1/livechat/room.closeByUser";

  static JsonNode openRoom() {
    return server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("room");
  }

  /** A client logged in as the room's agent (every agent here has password = username). */
  static Api itsAgent(JsonNode room) {
    return server.as(room.path("servedBy").path("username").asText());
  }

  @Test
  void theServingAgentClosesTheRoomAsUser() {
    JsonNode room = openRoom();
    Reply r = itsAgent(room).post(PATH, "{\"rid\":\"" + room.path("_id").asText() + "\",\"comment\":\"done\"}");
    assertEquals("{\"success\":true}", r.body());
    String token = room.path("v").path("token").asText();
    assertEquals(0, server.admin().get("/api/v1/livechat/visitor/" + token + "/room").json().path("rooms").size());
    org.livechatcontract.server.domain.Room closed =
        server.state().store().roomById(room.path("_id").asText()).orElseThrow();
    assertFalse(closed.open());
    assertEquals("user", closed.closing().closer());
    assertEquals(room.path("servedBy").path("username").asText(), closed.closing().closedByUsername());
  }

  @Test
  void theVisitorGetsANewRoomAfterAClose() {
    JsonNode room = openRoom();
    itsAgent(room).post(PATH, "{\"rid\":\"" + room.path("_id").asText() + "\"}");
    JsonNode next = server.api().get("/api/v1/livechat/room?token=" + room.path("v").path("token").asText()).json();
    assertTrue(next.path("newRoom").asBoolean());
  }

  @Test
  void anotherAgentNeedsCloseOthersLivechatRoom() {
    server.createOnlineAgent("not-the-agent");
    server.admin().post("/api/v1/livechat/agent.status", "{\"agentId\":\""
        + server.state().store().userByUsername("not-the-agent").orElseThrow().id() + "\",\"status\":\"not-available\"}");
    JsonNode room = openRoom();
    Reply r = server.as("not-the-agent").post(PATH, "{\"rid\":\"" + room.path("_id").asText() + "\"}");
    assertEquals("{\"success\":false,\"error\":\"error-not-authorized\"}", r.body());
    assertEquals(200, server.as("manager").post(PATH, "{\"rid\":\"" + room.path("_id").asText() + "\"}").status());
  }

  @Test
  void aClosedOrUnknownRoomIsRefused() {
    JsonNode room = openRoom();
    Api manager = server.as("manager");
    manager.post(PATH, "{\"rid\":\"" + room.path("_id").asText() + "\"}");
    assertEquals("{\"success\":false,\"error\":\"error-room-already-closed\"}",
        manager.post(PATH, "{\"rid\":\"" + room.path("_id").asText() + "\"}").body());
    assertEquals("{\"success\":false,\"error\":\"error-invalid-room\"}",
        manager.post(PATH, "{\"rid\":\"no-such-room\"}").body());
  }

  @Test
  void closingNeedsCloseLivechatRoom() {
    server.createUser("close-plain-user", "user");
    assertEquals(403, server.as("close-plain-user").post(PATH, "{\"rid\":\"x\"}").status());
  }

  @Test
  void theBodyIsValidatedAsRocketChatsAjvDoes() {
    assertEquals("{\"success\":false,\"error\":\"must have required property 'rid' [invalid-params]\","
        + "\"errorType\":\"invalid-params\"}", server.as("agent").post(PATH, "{}").body());
    assertEquals("must NOT have additional properties [invalid-params]",
        server.as("agent").post(PATH, "{\"rid\":\"x\",\"colour\":1}").error());
  }
}
