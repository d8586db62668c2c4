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

/** {@code POST chat.sendMessage}: an agent answers a visitor (behaviour-doc §7.1 {@code sendAgentMessage}). */
class ChatSendMessageTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String PATH = "/api/v1/chat.sendMessage";

  static JsonNode openRoom() {
    return server.api().get("/api/v1/livechat/room?token=" + server.newVisitor()).json().path("room");
  }

  /** A new room in which the visitor has asked "Hello". */
  static JsonNode roomWithAQuestion() {
    JsonNode room = openRoom();
    server.say(token(room), rid(room), "Hello");
    return room;
  }

  static Api itsAgent(JsonNode room) {
    return server.as(LiveServer.servedBy(room));
  }

  static String token(JsonNode room) {
    return room.path("v").path("token").asText();
  }

  static String rid(JsonNode room) {
    return room.path("_id").asText();
  }

  static Reply answer(Api as, JsonNode room, String text) {
    return as.post(PATH, "{\"message\":{\"rid\":\"" + rid(room) + "\",\"msg\":\"" + text + "\"}}");
  }

  static JsonNode answered(Api as, JsonNode room, String text) {
    Reply r = answer(as, room, text);
    assertEquals(200, r.status(), r.body());
    return r.json().path("message");
  }

  @Test
  void theServingAgentsAnswerIsStoredAsTheAgentsMessage() {
    JsonNode room = openRoom();
    JsonNode m = answered(itsAgent(room), room, "Hi, how can I help?");
    assertEquals("Hi, how can I help?", m.path("msg").asText());
    assertEquals(rid(room), m.path("rid").asText());
    assertEquals(LiveServer.servedBy(room), m.path("u").path("username").asText());
    assertEquals(room.path("servedBy").path("_id").asText(), m.path("u").path("_id").asText());
    assertFalse(m.has("token"));
    assertFalse(m.has("t"));
  }

  @Test
  void theVisitorReadsTheAnswerInTheHistory() {
    JsonNode room = roomWithAQuestion();
    answered(itsAgent(room), room, "Hi Mary");
    JsonNode history = server.api().get("/api/v1/livechat/messages.history/" + rid(room) + "?token=" + token(room))
        .json().path("messages");
    assertEquals("Hi Mary", history.get(0).path("msg").asText());
    assertEquals(LiveServer.servedBy(room), history.get(0).path("u").path("username").asText());
    assertEquals("Hello", history.get(1).path("msg").asText());
  }

  @Test
  void theAnswerCountsInMsgsAndBecomesTheLastMessage() {
    JsonNode room = roomWithAQuestion();
    JsonNode m = answered(itsAgent(room), room, "Hi Mary");
    JsonNode now = server.now(room);
    assertEquals(2, now.path("msgs").asInt());
    assertEquals(m.path("_id"), now.path("lastMessage").path("_id"));
    assertEquals(m.path("ts"), now.path("lm"));
  }

  @Test
  void theAnswerEndsTheWaitAndNamesTheAgentInResponseBy() {
    JsonNode room = openRoom();
    assertTrue(room.path("waitingResponse").asBoolean());
    server.say(token(room), rid(room), "Hello");
    JsonNode m = answered(itsAgent(room), room, "Hi Mary");
    JsonNode now = server.now(room);
    assertFalse(now.has("waitingResponse"));
    JsonNode by = now.path("responseBy");
    assertEquals(room.path("servedBy").path("_id"), by.path("_id"));
    assertEquals(LiveServer.servedBy(room), by.path("username").asText());
    assertEquals(m.path("ts"), by.path("firstResponseTs"));
    assertEquals(m.path("ts"), by.path("lastMessageTs"));
  }

  @Test
  void aSecondAnswerKeepsTheFirstResponseTimeAndMovesTheLastOne() {
    JsonNode room = roomWithAQuestion();
    JsonNode first = answered(itsAgent(room), room, "Hi Mary");
    JsonNode second = answered(itsAgent(room), room, "Are you there?");
    JsonNode by = server.now(room).path("responseBy");
    assertEquals(first.path("ts"), by.path("firstResponseTs"));
    assertEquals(second.path("ts"), by.path("lastMessageTs"));
  }

  @Test
  void theVisitorWritingAgainPutsTheRoomBackToWaiting() {
    JsonNode room = roomWithAQuestion();
    answered(itsAgent(room), room, "Hi Mary");
    server.say(token(room), rid(room), "One more question");
    JsonNode now = server.now(room);
    assertTrue(now.path("waitingResponse").asBoolean());
    assertFalse(now.has("responseBy"));
    JsonNode next = answered(itsAgent(room), room, "Go ahead");
    assertEquals(next.path("ts"), server.now(room).path("responseBy").path("firstResponseTs"));
  }

  @Test
  void theAnswerRecordsTheAgentsReplyAndCountsOneResponse() {
    JsonNode room = openRoom();
    JsonNode hello = server.say(token(room), rid(room), "Hello");
    JsonNode m = answered(itsAgent(room), room, "Hi Mary");
    JsonNode metrics = server.now(room).path("metrics");
    assertEquals(hello.path("ts"), metrics.path("v").path("lq"));
    assertEquals(m.path("ts"), metrics.path("servedBy").path("lr"));
    assertEquals(1, metrics.path("response").path("total").asInt());
    assertEquals(metrics.path("response").path("tt").asDouble(), metrics.path("response").path("avg").asDouble());
    assertTrue(metrics.path("reaction").has("tt"));
  }

  @Test
  void anAnswerToNoNewQuestionCountsNoNewResponse() {
    JsonNode room = roomWithAQuestion();
    JsonNode first = answered(itsAgent(room), room, "Hi Mary");
    answered(itsAgent(room), room, "Are you there?");
    JsonNode metrics = server.now(room).path("metrics");
    assertEquals(1, metrics.path("response").path("total").asInt());
    assertEquals(first.path("ts"), metrics.path("servedBy").path("lr"));
  }

  @Test
  void theClientMayChooseTheMessageIdOnce() {
    JsonNode room = openRoom();
    String body = "{\"message\":{\"_id\":\"agent-msg-1\",\"rid\":\"" + rid(room) + "\",\"msg\":\"Hi\"}}";
    Reply r = itsAgent(room).post(PATH, body);
    assertEquals("agent-msg-1", r.json().path("message").path("_id").asText());
    assertEquals("{\"success\":false,\"error\":\"error-duplicate-message-id\"}", itsAgent(room).post(PATH, body).body());
  }

  @Test
  void anAbsentMsgIsAnEmptyMessage() {
    JsonNode room = openRoom();
    Reply r = itsAgent(room).post(PATH, "{\"message\":{\"rid\":\"" + rid(room) + "\"}}");
    assertEquals(200, r.status(), r.body());
    assertEquals("", r.json().path("message").path("msg").asText());
  }

  @Test
  void keysOfTheMessageThisServerDoesNotUseAreAccepted() {
    JsonNode room = openRoom();
    Reply r = itsAgent(room).post(PATH, "{\"message\":{\"rid\":\"" + rid(room)
        + "\",\"msg\":\"Hi\",\"emoji\":\":smile:\",\"groupable\":true},\"previewUrls\":[]}");
    assertEquals(200, r.status(), r.body());
  }

  @Test
  void aManagerWithViewLivechatRoomsMayAnswerARoomSomeoneElseServes() {
    JsonNode room = roomWithAQuestion();
    answered(server.as("manager"), room, "A manager here");
    assertEquals("manager", server.now(room).path("responseBy").path("username").asText());
  }

  @Test
  void anAgentWhoDoesNotServeTheRoomIsNotAllowed() {
    server.createUser("bystander", "user", "livechat-agent");
    JsonNode room = openRoom();
    assertEquals("{\"success\":false,\"error\":\"error-not-allowed\"}", answer(server.as("bystander"), room, "Hi").body());
  }

  @Test
  void withoutCredentialsTheAnswerIs401() {
    JsonNode room = openRoom();
    Reply r = answer(server.api(), room, "Hi");
    assertEquals(401, r.status());
    assertEquals("{\"success\":false,\"error\":\"You must be logged in to do this.\",\"status\":\"error\","
        + "\"message\":\"You must be logged in to do this.\"}", r.body());
  }

  @Test
  void aClosedRoomIsRefused() {
    JsonNode room = openRoom();
    server.closeRoom(rid(room));
    assertEquals("{\"success\":false,\"error\":\"room-closed\"}", answer(itsAgent(room), room, "Hi").body());
  }

  @Test
  void anUnknownRoomIsInvalid() {
    Reply r = server.admin().post(PATH, "{\"message\":{\"rid\":\"no-such-room\",\"msg\":\"Hi\"}}");
    assertEquals("{\"success\":false,\"error\":\"error-invalid-room\"}", r.body());
  }

  @Test
  void aMessageWithoutRidIsTheHandlersError() {
    Reply r = server.admin().post(PATH, "{\"message\":{\"msg\":\"Hi\"}}");
    assertEquals("{\"success\":false,\"error\":\"The 'rid' property on the message object is missing.\"}", r.body());
  }

  @Test
  void aSystemMessageTypeIsRefused() {
    JsonNode room = openRoom();
    Reply r = itsAgent(room).post(PATH, "{\"message\":{\"rid\":\"" + rid(room) + "\",\"msg\":\"\",\"t\":\"uj\"}}");
    assertEquals("{\"success\":false,\"error\":\"Cannot send system messages using 'chat.sendMessage'\"}", r.body());
  }

  @Test
  void aMessageOverMessageMaxAllowedSizeIsRefused() {
    JsonNode room = openRoom();
    Reply r = answer(itsAgent(room), room, "x".repeat(5001));
    assertEquals("{\"success\":false,\"error\":\"Message size exceeds Message_MaxAllowedSize "
        + "[error-message-size-exceeded]\",\"errorType\":\"error-message-size-exceeded\","
        + "\"details\":{\"method\":\"sendMessage\"}}", r.body());
  }

  @Test
  void aBodyWithoutMessageIsInvalidParams() {
    assertEquals("{\"success\":false,\"error\":\"must have required property 'message' [invalid-params]\","
        + "\"errorType\":\"invalid-params\"}", server.admin().post(PATH, "{}").body());
  }

  @Test
  void anUnknownTopLevelKeyIsInvalidParams() {
    Reply r = server.admin().post(PATH, "{\"message\":{\"rid\":\"x\"},\"rid\":\"x\"}");
    assertEquals("{\"success\":false,\"error\":\"must NOT have additional properties [invalid-params]\","
        + "\"errorType\":\"invalid-params\"}", r.body());
  }

  @Test
  void aMessageThatIsNotAnObjectIsInvalidParams() {
    Reply r = server.admin().post(PATH, "{\"message\":\"Hi\"}");
    assertEquals(400, r.status());
    assertEquals("must be object [invalid-params]", r.json().path("error").asText());
  }
}
