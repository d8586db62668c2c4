package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code livechat/inquiries.queued}, {@code .getOne} and {@code .take}, under Manual_Selection. */
class InquiriesTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @BeforeAll
  static void manualSelection() {
    server.setSetting("Livechat_Routing_Method", "\"Manual_Selection\"");
  }

  static JsonNode openRoom(String query) {
    return server.api().get("/api/v1/livechat/room?token=" + server.newVisitor() + query).json().path("room");
  }

  static JsonNode inquiryOf(JsonNode room) {
    return server.as("agent").get("/api/v1/livechat/inquiries.getOne?roomId=" + room.path("_id").asText())
        .json().path("inquiry");
  }

  static List<String> queuedRoomIds(Api as, String query) {
    List<String> out = new ArrayList<>();
    as.get("/api/v1/livechat/inquiries.queued" + query).json().path("inquiries").forEach(i -> out.add(i.path("rid").asText()));
    return out;
  }

  @Test
  void aNewRoomHasAQueuedInquiryThatCopiesTheRoom() {
    JsonNode room = openRoom("");
    JsonNode inquiry = inquiryOf(room);
    assertEquals("queued", inquiry.path("status").asText());
    assertEquals(room.path("_id").asText(), inquiry.path("rid").asText());
    assertEquals(room.path("fname").asText(), inquiry.path("name").asText());
    assertEquals(room.path("v"), inquiry.path("v"));
    assertEquals(room.path("ts").asText(), inquiry.path("queuedAt").asText());
    assertEquals(24, inquiry.path("_id").asText().length());
  }

  @Test
  void theQueueListsQueuedInquiriesOldestFirst() {
    String first = openRoom("").path("_id").asText();
    String second = openRoom("").path("_id").asText();
    List<String> queued = queuedRoomIds(server.as("agent"), "?count=0");
    assertTrue(queued.indexOf(first) >= 0 && queued.indexOf(first) < queued.indexOf(second), queued.toString());
  }

  @Test
  void aDepartmentsInquiryIsListedForItsAgentsAndWhenAskedFor() {
    String member = server.createOnlineAgent("queue-member");
    String department = server.createDepartment("Queue Department", member);
    String rid = server.openRoomInDepartment(department).path("_id").asText();
    assertTrue(queuedRoomIds(server.as("queue-member"), "?count=0").contains(rid));
    assertFalse(queuedRoomIds(server.as("agent"), "?count=0").contains(rid));
    assertEquals(List.of(rid), queuedRoomIds(server.as("agent"), "?department=" + department));
  }

  @Test
  void aRequestedAgentsInquiryIsListedOnlyForThem() {
    String requested = server.createOnlineAgent("queue-requested");
    JsonNode room = openRoom("&agentId=" + requested);
    assertEquals(requested, inquiryOf(room).path("defaultAgent").path("agentId").asText());
    assertTrue(queuedRoomIds(server.as("queue-requested"), "?count=0").contains(room.path("_id").asText()));
    assertFalse(queuedRoomIds(server.as("agent"), "?count=0").contains(room.path("_id").asText()));
  }

  @Test
  void takingServesTheRoomAndTakesTheInquiryOutOfTheQueue() {
    JsonNode room = openRoom("");
    String inquiryId = inquiryOf(room).path("_id").asText();
    assertEquals(200, server.as("agent").post("/api/v1/livechat/inquiries.take", "{\"inquiryId\":\"" + inquiryId + "\"}").status());
    JsonNode served = server.now(room);
    assertEquals("agent", served.path("servedBy").path("username").asText());
    assertEquals(2, served.path("usersCount").asInt());
    JsonNode taken = inquiryOf(room);
    assertEquals("taken", taken.path("status").asText());
    assertTrue(taken.has("takenAt"));
    assertFalse(queuedRoomIds(server.as("agent"), "?count=0").contains(room.path("_id").asText()));
  }

  @Test
  void anInquiryCanBeTakenForAnotherAgent() {
    String other = server.createOnlineAgent("taken-for");
    JsonNode room = openRoom("");
    Reply r = server.as("agent").post("/api/v1/livechat/inquiries.take",
        "{\"inquiryId\":\"" + inquiryOf(room).path("_id").asText() + "\",\"userId\":\"" + other + "\"}");
    assertEquals(200, r.status());
    assertEquals("taken-for", LiveServer.servedBy(server.now(room)));
  }

  @Test
  void aSecondTakeFailsWithRocketChatsError() {
    String inquiryId = inquiryOf(openRoom("")).path("_id").asText();
    Api agent = server.as("agent");
    agent.post("/api/v1/livechat/inquiries.take", "{\"inquiryId\":\"" + inquiryId + "\"}");
    Reply again = agent.post("/api/v1/livechat/inquiries.take", "{\"inquiryId\":\"" + inquiryId + "\"}");
    assertEquals("{\"success\":false,\"error\":\"Inquiry already taken [error-inquiry-taken]\","
        + "\"errorType\":\"error-inquiry-taken\",\"details\":{\"method\":\"livechat:takeInquiry\"}}", again.body());
  }

  @Test
  void anOfflineAgentCannotTake() {
    String inquiryId = inquiryOf(openRoom("")).path("_id").asText();
    String offline = server.createUser("queue-offline", "user", "livechat-agent");
    Reply r = server.as("agent").post("/api/v1/livechat/inquiries.take",
        "{\"inquiryId\":\"" + inquiryId + "\",\"userId\":\"" + offline + "\"}");
    assertEquals("Agent status is offline or Omnichannel service is not active [error-agent-status-service-offline]",
        r.error());
  }

  @Test
  void anUnknownInquiryOrUserIsRefused() {
    Api agent = server.as("agent");
    assertEquals("Inquiry not found [error-not-found]",
        agent.post("/api/v1/livechat/inquiries.take", "{\"inquiryId\":\"nope\"}").error());
    assertEquals("{\"success\":false,\"error\":\"The user is invalid\"}",
        agent.post("/api/v1/livechat/inquiries.take", "{\"inquiryId\":\"nope\",\"userId\":\"nobody\"}").body());
  }

  @Test
  void closingARoomDeletesItsInquiry() {
    JsonNode room = openRoom("");
    server.admin().post("/api/v1/livechat/room.closeByUser", "{\"rid\":\"" + room.path("_id").asText() + "\"}");
    assertEquals("{\"success\":true}",
        server.as("agent").get("/api/v1/livechat/inquiries.getOne?roomId=" + room.path("_id").asText()).body());
  }

  @Test
  void queriesAndBodiesAreValidatedAsRocketChatsAjvDoes() {
    Api agent = server.as("agent");
    assertEquals("must have required property 'roomId' [invalid-params]",
        agent.get("/api/v1/livechat/inquiries.getOne").error());
    assertEquals("must NOT have additional properties [invalid-params]",
        agent.get("/api/v1/livechat/inquiries.queued?colour=blue").error());
    assertEquals("must have required property 'inquiryId' [invalid-params]",
        agent.post("/api/v1/livechat/inquiries.take", "{}").error());
  }

  @Test
  void theQueueNeedsViewLRoom() {
    server.createUser("queue-plain-user", "user");
    assertEquals(403, server.as("queue-plain-user").get("/api/v1/livechat/inquiries.queued").status());
  }
}
