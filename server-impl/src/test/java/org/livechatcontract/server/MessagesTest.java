package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code livechat/message}, {@code livechat/message/{_id}} and {@code messages.history}: behaviour-doc §5.5, §5.6, §7.2. */
class MessagesTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  Reply send(String json) {
    return server.api().post("/api/v1/livechat/message", json);
  }

  String body(String token, String rid, String msg) {
    return "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\"" + msg + "\"}";
  }

  @Test
  void aMessageWithoutTokenRidOrMsgIsInvalidParamsInThatOrder() {
    assertEquals("must have required property 'token' [invalid-params]", send("{}").error());
    assertEquals("must have required property 'rid' [invalid-params]", send("{\"token\":\"test\"}").error());
    Reply r = send("{\"token\":\"test\",\"rid\":\"test\"}");
    assertEquals(400, r.status());
    assertEquals("must have required property 'msg' [invalid-params]", r.error());
    assertEquals("invalid-params", r.json().path("errorType").asText());
  }

  @Test
  void aMessageWithAnUnknownKeyIsInvalidParams() {
    Reply r = send("{\"token\":\"test\",\"rid\":\"test\",\"msg\":\"hi\",\"colour\":\"blue\"}");
    assertEquals(400, r.status());
    assertEquals("must NOT have additional properties [invalid-params]", r.error());
  }

  @Test
  void anUnknownTokenIsInvalidTokenAndAnUnknownRoomInvalidRoom() {
    assertEquals("{\"success\":false,\"error\":\"invalid-token\"}", send(body("test", "test", "hi")).body());
    String token = server.newVisitor();
    assertEquals("{\"success\":false,\"error\":\"invalid-room\"}", send(body(token, "test", "hi")).body());
  }

  @Test
  void anotherVisitorsRoomIsInvalidRoom() {
    String mine = server.newVisitor();
    String theirRoom = server.openRoom(server.newVisitor());
    assertEquals("invalid-room", send(body(mine, theirRoom, "hi")).error());
  }

  @Test
  void aClosedRoomIsRoomClosed() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    server.closeRoom(rid);
    assertEquals("{\"success\":false,\"error\":\"room-closed\"}", send(body(token, rid, "hi")).body());
  }

  @Test
  void aMessageOverTheCharacterLimitIsRefused() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    try (AutoCloseable on = server.setting(Settings.ENABLE_MESSAGE_CHARACTER_LIMIT, true);
        AutoCloseable one = server.setting(Settings.MESSAGE_CHARACTER_LIMIT, 1)) {
      assertEquals("message-length-exceeds-character-limit", send(body(token, rid, "test")).error());
    }
    assertEquals(200, send(body(token, rid, "test")).status());
  }

  @Test
  void aMessageHasRocketChatsFieldsAndTheClientsId() {
    Reply reg = server.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"named-1\",\"name\":\"Ann\"}}");
    String rid = server.openRoom("named-1");
    Reply r = send("{\"_id\":\"my-own-id-1\",\"token\":\"named-1\",\"rid\":\"" + rid
        + "\",\"msg\":\"see https://example.com/a\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode m = r.json().path("message");
    assertEquals("my-own-id-1", m.path("_id").asText());
    assertEquals("Ann", m.path("alias").asText());
    assertEquals(reg.json().path("visitor").path("_id"), m.path("u").path("_id"));
    assertEquals("Ann", m.path("u").path("name").asText());
    assertEquals("named-1", m.path("token").asText());
    assertEquals("https://example.com/a", m.path("urls").path(0).path("url").asText());
    assertEquals("PLAIN_TEXT", m.path("md").path(0).path("value").path(0).path("type").asText());
    assertTrue(m.path("mentions").isArray() && m.path("channels").isArray());
    assertEquals("error-duplicate-message-id", send("{\"_id\":\"my-own-id-1\",\"token\":\"named-1\",\"rid\":\"" + rid
        + "\",\"msg\":\"again\"}").error());
  }

  @Test
  void getPutAndDeleteCheckTokenRoomAndMessageInRocketChatsOrder() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    assertEquals("must have required property 'token' [invalid-params]", server.api().get("/api/v1/livechat/message/mid").error());
    assertEquals("must have required property 'rid' [invalid-params]",
        server.api().get("/api/v1/livechat/message/mid?token=test").error());
    assertEquals("invalid-token", server.api().get("/api/v1/livechat/message/mid?token=test&rid=test").error());
    assertEquals("invalid-room", server.api().get("/api/v1/livechat/message/mid?token=" + token + "&rid=test").error());
    assertEquals("invalid-message", server.api().get("/api/v1/livechat/message/mid?token=" + token + "&rid=" + rid).error());
    assertEquals("invalid-message", server.api().put("/api/v1/livechat/message/mid", body(token, rid, "x")).error());
    assertEquals("invalid-message", server.api().deleteWithBody("/api/v1/livechat/message/mid",
        "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\"}").error());
    assertEquals("must have required property 'token' [invalid-params]",
        server.api().send("DELETE", "/api/v1/livechat/message/mid", null, null).error());
  }

  @Test
  void aMessageOfAnotherRoomIsNotFoundThroughThisRoom() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    String other = server.newVisitor();
    String id = server.say(other, server.openRoom(other), "theirs").path("_id").asText();
    assertEquals("invalid-message", server.api().get("/api/v1/livechat/message/" + id + "?token=" + token + "&rid=" + rid).error());
  }

  @Test
  void editingAndDeletingFollowTheSettingsAndOnlyTheVisitorsOwnMessages() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    String id = server.say(token, rid, "hi").path("_id").asText();
    try (AutoCloseable off = server.setting(Settings.MESSAGE_ALLOW_EDITING, false)) {
      assertEquals("error-action-not-allowed", server.api().put("/api/v1/livechat/message/" + id, body(token, rid, "x")).error());
    }
    try (AutoCloseable off = server.setting(Settings.MESSAGE_ALLOW_DELETING, false)) {
      assertEquals("error-action-not-allowed", server.api().deleteWithBody("/api/v1/livechat/message/" + id,
          "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\"}").error());
    }
    String started = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token + "&sort=%7B%22ts%22:1%7D&limit=1")
        .json().path("messages").path(0).path("_id").asText();
    assertEquals("error-action-not-allowed", server.api().put("/api/v1/livechat/message/" + started, body(token, rid, "x")).error());
    Reply edited = server.api().put("/api/v1/livechat/message/" + id, body(token, rid, "hello"));
    assertEquals("hello", edited.json().path("message").path("msg").asText());
    assertEquals(edited.json().path("message").path("u").path("_id"), edited.json().path("message").path("editedBy").path("_id"));
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room");
    assertEquals("hello", room.path("lastMessage").path("msg").asText(), "the edit shows on the room's lastMessage");
  }

  @Test
  void historyChecksItsQueryThenTheTokenThenTheRoom() {
    String token = server.newVisitor();
    assertEquals("must have required property 'token' [invalid-params]",
        server.api().get("/api/v1/livechat/messages.history/rid").error());
    assertEquals("must NOT have additional properties [invalid-params]",
        server.api().get("/api/v1/livechat/messages.history/rid?token=x&ts=1").error());
    assertEquals("must be integer [invalid-params]", server.api().get("/api/v1/livechat/messages.history/rid?token=x&limit=abc").error());
    assertEquals("error-token-param-not-provided", server.api().get("/api/v1/livechat/messages.history/rid?token=").error());
    assertEquals("invalid-token", server.api().get("/api/v1/livechat/messages.history/rid?token=test").error());
    assertEquals("invalid-room", server.api().get("/api/v1/livechat/messages.history/rid?token=" + token).error());
    String theirRoom = server.openRoom(server.newVisitor());
    assertEquals("invalid-room", server.api().get("/api/v1/livechat/messages.history/" + theirRoom + "?token=" + token).error());
    Reply badSort = server.api().get("/api/v1/livechat/messages.history/" + theirRoom + "?token=" + token + "&sort=msg");
    assertEquals("Invalid sort parameter provided: \"msg\" [error-invalid-sort]", badSort.error());
  }

  @Test
  void aClosedRoomsHistoryIsStillReadable() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    server.say(token, rid, "before closing");
    server.closeRoom(rid);
    Reply r = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token);
    assertEquals(200, r.status());
    assertEquals("livechat-close", r.json().path("messages").path(0).path("t").asText());
  }

  @Test
  void historyDefaultsToTwentyMessagesAndLimitZeroGivesAll() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    for (int i = 0; i < 25; i++) {
      server.say(token, rid, "m" + i);
    }
    String url = "/api/v1/livechat/messages.history/" + rid + "?token=" + token;
    assertEquals(20, server.api().get(url).json().path("messages").size());
    assertEquals(27, server.api().get(url + "&limit=0").json().path("messages").size(), "25 messages, livechat-started, uj");
    assertEquals("m24", server.api().get(url).json().path("messages").path(0).path("msg").asText());
  }

  @Test
  void theSdksQuirksAreServed() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    // GETs always end in '?' and every request carries Content-Type: application/json
    Reply history = server.api().send("GET", "/api/v1/livechat/messages.history/" + rid + "?token=" + token, null,
        "application/json");
    assertEquals(200, history.status());
    assertEquals(200, server.api().send("GET", "/api/v1/livechat/config?", null, "application/json").status());
    assertEquals(200, server.api().send("GET", "/api/v1/livechat/visitor/" + token + "?", null, "application/json").status());
  }

  @Test
  void theHistoryCasesOfRocketChatsOwnTestsHoldForAnUnservedRoom() throws Exception {
    try (AutoCloseable manual = server.setting(Settings.ROUTING_METHOD, "Manual_Selection")) {
      String token = server.newVisitor();
      String rid = server.openRoom(token);
      String url = "/api/v1/livechat/messages.history/" + rid + "?token=" + token;
      server.say(token, rid, "test");
      server.say(token, rid, "test2");
      JsonNode paged = server.api().get(url + "&offset=1&limit=1").json().path("messages");
      assertEquals(1, paged.size());
      assertEquals("test", paged.path(0).path("msg").asText());
      JsonNode unseen = server.api().get(url + "&ls=" + java.time.Instant.now()).json().path("messages");
      assertEquals(3, unseen.size());
      assertEquals("test2", unseen.path(0).path("msg").asText());
      assertEquals("test2", server.api().get(url + "&limit=1").json().path("messages").path(0).path("msg").asText());
      JsonNode second = server.api().get(url + "&limit=1&offset=2").json().path("messages").path(0);
      assertTrue(second.has("t"), "the oldest entry is the system message " + second);
    }
  }
}
