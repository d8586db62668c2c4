package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.livechatcontract.server.support.LiveServer.servedBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code POST livechat/room.forward}: to an agent, or to a department (Rocket.Chat's {@code forwardRoomTo*}). */
class ForwardRoomTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String PATH = "/api/v1/livechat/room.forward";

  @AfterEach
  void autoSelection() {
    server.setSetting("Livechat_Routing_Method", "\"Auto_Selection\"");
  }

  static Reply forward(String body) {
    return server.as("manager").post(PATH, body);
  }

  @Test
  void aRoomIsForwardedToAnOnlineAgent() {
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("room");
    String to = server.createOnlineAgent("forward-to");
    assertEquals("{\"success\":true}", forward("{\"roomId\":\"" + room.path("_id").asText() + "\",\"userId\":\"" + to + "\"}").body());
    JsonNode moved = server.now(room);
    assertEquals("forward-to", servedBy(moved));
    assertEquals(2, moved.path("usersCount").asInt());
  }

  @Test
  void anOfflineOrTheSameAgentIsRefused() {
    String offline = server.createUser("forward-offline", "user", "livechat-agent");
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("room");
    String rid = room.path("_id").asText();
    assertEquals("error-user-is-offline", forward("{\"roomId\":\"" + rid + "\",\"userId\":\"" + offline + "\"}").error());
    String current = room.path("servedBy").path("_id").asText();
    assertEquals("error-selected-agent-room-agent-are-same",
        forward("{\"roomId\":\"" + rid + "\",\"userId\":\"" + current + "\"}").error());
  }

  @Test
  void aRoomIsForwardedToTheLeastBusyOtherAgentOfADepartment() {
    String a = server.createOnlineAgent("to-dept-a");
    String b = server.createOnlineAgent("to-dept-b");
    String from = server.createDepartment("Forward From", a);
    String to = server.createDepartment("Forward To", a, b);
    JsonNode room = server.openRoomInDepartment(from);
    assertEquals("to-dept-a", servedBy(room));
    assertEquals(200, forward("{\"roomId\":\"" + room.path("_id").asText() + "\",\"departmentId\":\"" + to + "\"}").status());
    JsonNode moved = server.now(room);
    assertEquals("to-dept-b", servedBy(moved));
    assertEquals(to, moved.path("departmentId").asText());
  }

  @Test
  void aDepartmentWithNobodyElseOnlineFollowsItsFallbackOrRefuses() {
    String a = server.createOnlineAgent("fallback-fwd-a");
    String helper = server.createOnlineAgent("fallback-fwd-helper");
    String from = server.createDepartment("Fwd From", a);
    String lonely = server.createDepartment("Fwd Lonely", a);
    String helpers = server.createDepartment("Fwd Helpers", helper);
    String withFallback = server.createDepartmentFrom(
        LiveServer.department("Fwd With Fallback", true, false, ",\"fallbackForwardDepartment\":\"" + helpers + "\""), a);
    JsonNode room = server.openRoomInDepartment(from);
    String rid = room.path("_id").asText();
    assertEquals("error-no-agents-online-in-department",
        forward("{\"roomId\":\"" + rid + "\",\"departmentId\":\"" + lonely + "\"}").error());
    assertEquals(200, forward("{\"roomId\":\"" + rid + "\",\"departmentId\":\"" + withFallback + "\"}").status());
    JsonNode moved = server.now(room);
    assertEquals("fallback-fwd-helper", servedBy(moved));
    assertEquals(helpers, moved.path("departmentId").asText());
  }

  @Test
  void underManualSelectionAForwardedRoomGoesBackToTheDepartmentsQueue() {
    String member = server.createOnlineAgent("manual-fwd-member");
    String to = server.createDepartment("Manual Forward", member);
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("room");
    server.setSetting("Livechat_Routing_Method", "\"Manual_Selection\"");
    assertEquals(200, forward("{\"roomId\":\"" + room.path("_id").asText() + "\",\"departmentId\":\"" + to + "\"}").status());
    JsonNode queued = server.now(room);
    assertFalse(queued.has("servedBy"));
    assertEquals(1, queued.path("usersCount").asInt());
    JsonNode inquiry = server.as("manual-fwd-member").get("/api/v1/livechat/inquiries.getOne?roomId="
        + room.path("_id").asText()).json().path("inquiry");
    assertEquals("queued", inquiry.path("status").asText());
    assertEquals(to, inquiry.path("department").asText());
  }

  @Test
  void aNamedAgentMustBelongToTheDepartment() {
    String outsider = server.createOnlineAgent("fwd-outsider");
    String to = server.createDepartment("Fwd Members Only", server.createOnlineAgent("fwd-member"));
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("room");
    assertEquals("error-user-not-belong-to-department", forward("{\"roomId\":\"" + room.path("_id").asText()
        + "\",\"departmentId\":\"" + to + "\",\"userId\":\"" + outsider + "\"}").error());
  }

  @Test
  void theSameDepartmentAnUnknownOneOrNoTargetIsRefused() {
    String member = server.createOnlineAgent("same-dept-member");
    String department = server.createDepartment("Same Department", member);
    String rid = server.openRoomInDepartment(department).path("_id").asText();
    assertEquals("error-forwarding-chat-same-department",
        forward("{\"roomId\":\"" + rid + "\",\"departmentId\":\"" + department + "\"}").error());
    assertEquals("error-invalid-department", forward("{\"roomId\":\"" + rid + "\",\"departmentId\":\"nope\"}").error());
    assertEquals("error-forwarding-chat", forward("{\"roomId\":\"" + rid + "\"}").error());
  }

  @Test
  void aClosedOrUnknownRoomIsRefused() {
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("room");
    server.admin().post("/api/v1/livechat/room.closeByUser", "{\"rid\":\"" + room.path("_id").asText() + "\"}");
    assertEquals("This_conversation_is_already_closed",
        forward("{\"roomId\":\"" + room.path("_id").asText() + "\",\"userId\":\"x\"}").error());
    assertEquals("error-invalid-room", forward("{\"roomId\":\"nope\",\"userId\":\"x\"}").error());
  }

  @Test
  void aPlainAgentMayNotForward() {
    Api agent = server.as("agent");
    Reply r = agent.post(PATH, "{\"roomId\":\"x\",\"userId\":\"y\"}");
    assertEquals(403, r.status());
  }

  @Test
  void theBodyIsValidatedAsRocketChatsAjvDoes() {
    assertEquals("must have required property 'roomId' [invalid-params]", forward("{}").error());
  }
}
