package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code room.close}, {@code room.survey} and {@code transcript}: behaviour-doc §5.4, §2.2, §7.2. */
class LivechatRoomTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  Reply close(String token, String rid) {
    return server.api().post("/api/v1/livechat/room.close", "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\"}");
  }

  @Test
  void closingHasTheEffectsOfRocketChatsCloseRoom() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply r = close(token, rid);
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"rid\":\"" + rid + "\",\"comment\":\"Closed by visitor\",\"success\":true}", r.body());
    assertTrue(server.state().store().openRoomsByVisitorToken(token).isEmpty());
    var closed = server.state().store().roomById(rid).orElseThrow();
    assertFalse(closed.open());
    assertEquals("visitor", closed.closing().closer());
    assertEquals(closed.visitor().id(), closed.closing().closedById());
    assertEquals("offline", closed.visitor().status().wire());
    assertTrue(closed.metrics().chatDuration() >= 0);
    JsonNode close = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token + "&limit=1")
        .json().path("messages").path(0);
    assertEquals("livechat-close", close.path("t").asText());
    assertEquals("Closed by visitor", close.path("msg").asText());
  }

  @Test
  void closingChecksTheBodyTheSettingTheTokenTheRoomAndWhetherItIsOpenInThatOrder() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    assertEquals("must have required property 'token' [invalid-params]", server.api().post("/api/v1/livechat/room.close", "{}").error());
    assertEquals("must have required property 'rid' [invalid-params]",
        server.api().post("/api/v1/livechat/room.close", "{\"token\":\"x\"}").error());
    try (AutoCloseable off = server.setting(Settings.ALLOW_VISITORS_TO_CLOSE, false)) {
      assertEquals("error-not-allowed-to-close-conversation", close("no-such-token", rid).error());
    }
    assertEquals("{\"success\":false,\"error\":\"invalid-token\"}", close("no-such-token", rid).body());
    assertEquals("{\"success\":false,\"error\":\"invalid-room\"}", close(token, "invalid-rid").body());
    String theirRoom = server.openRoom(server.newVisitor());
    assertEquals("invalid-room", close(token, theirRoom).error());
    assertEquals(200, close(token, rid).status());
    Reply twice = close(token, rid);
    assertEquals(400, twice.status());
    assertEquals("{\"success\":false,\"error\":\"room-closed\"}", twice.body());
  }

  @Test
  void closingFreesTheAgentSoTheNextRoomIsAssignedAgain() {
    String token = server.newVisitor();
    close(token, server.openRoom(token));
    Reply next = server.api().get("/api/v1/livechat/room?token=" + token);
    assertTrue(next.json().path("newRoom").asBoolean());
    assertEquals("agent", next.json().path("room").path("servedBy").path("username").asText());
  }

  @Test
  void theSurveyKeepsValidAnswersOnTheRoom() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply r = server.api().post("/api/v1/livechat/room.survey", "{\"token\":\"" + token + "\",\"rid\":\"" + rid
        + "\",\"data\":[{\"name\":\"satisfaction\",\"value\":\"5\"},{\"name\":\"agentKnowledge\",\"value\":\"9\"},"
        + "{\"name\":\"additionalFeedback\",\"value\":\"Thanks\"},{\"name\":\"colour\",\"value\":\"3\"}]}");
    assertEquals("{\"rid\":\"" + rid + "\",\"data\":{\"satisfaction\":\"5\",\"additionalFeedback\":\"Thanks\"},\"success\":true}",
        r.body());
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room");
    assertEquals("5", room.path("surveyFeedback").path("satisfaction").asText());
    assertEquals("Thanks", room.path("surveyFeedback").path("additionalFeedback").asText());
  }

  @Test
  void theSurveyRefusesNoValidAnswerAndEmptyDataAndWorksOnAClosedRoom() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    close(token, rid);
    String url = "/api/v1/livechat/room.survey";
    assertEquals("invalid-data", server.api().post(url, "{\"token\":\"" + token + "\",\"rid\":\"" + rid
        + "\",\"data\":[{\"name\":\"satisfaction\",\"value\":\"10\"}]}").error());
    assertEquals("invalid-params", server.api().post(url, "{\"token\":\"" + token + "\",\"rid\":\"" + rid
        + "\",\"data\":[]}").json().path("errorType").asText());
    assertEquals("invalid-token", server.api().post(url, "{\"token\":\"nope\",\"rid\":\"" + rid
        + "\",\"data\":[{\"name\":\"satisfaction\",\"value\":\"1\"}]}").error());
    assertEquals(200, server.api().post(url, "{\"token\":\"" + token + "\",\"rid\":\"" + rid
        + "\",\"data\":[{\"name\":\"satisfaction\",\"value\":\"1\"}]}").status());
  }

  @Test
  void aTranscriptRequestIsRecordedInTheRoomAndNoMailIsSent() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply r = server.api().post("/api/v1/livechat/transcript",
        "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"email\":\"visitor@notadomain.com\"}");
    assertEquals("{\"message\":\"Livechat transcript sent\",\"success\":true}", r.body());
    JsonNode record = server.api().get("/api/v1/livechat/messages.history/" + rid + "?token=" + token + "&limit=1")
        .json().path("messages").path(0);
    assertEquals("livechat_transcript_history", record.path("t").asText());
    assertEquals("visitor", record.path("requestData").path("type").asText());
    assertEquals("visitor@notadomain.com", record.path("requestData").path("email").asText());
    assertEquals("rocket.cat", record.path("u").path("username").asText());
  }

  @Test
  void aTranscriptChecksTheTokenTheRoomAndTheEmail() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    String url = "/api/v1/livechat/transcript";
    assertEquals("must have required property 'rid' [invalid-params]", server.api().post(url, "{}").error());
    assertEquals("error-invalid-token", server.api().post(url, "{\"token\":\"test\",\"rid\":\"test\",\"email\":\"\"}").error());
    assertEquals("error-invalid-room", server.api().post(url, "{\"token\":\"" + token + "\",\"rid\":\"test\",\"email\":\"\"}").error());
    String theirs = server.openRoom(server.newVisitor());
    assertEquals("error-invalid-room", server.api().post(url, "{\"token\":\"" + token + "\",\"rid\":\"" + theirs
        + "\",\"email\":\"a@b.co\"}").error());
    assertEquals("Invalid email test [error-invalid-email]", server.api().post(url, "{\"token\":\"" + token + "\",\"rid\":\""
        + rid + "\",\"email\":\"test\"}").error());
  }
}
