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

/** {@code GET}/{@code DELETE livechat/visitor/{token}}, {@code visitor.status}, {@code custom.field(s)}: behaviour-doc §5.2, §5.3, §7.2. */
class LivechatVisitorTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @Test
  void anUnknownTokenIsTheMeteorInvalidToken() {
    Reply get = server.api().get("/api/v1/livechat/visitor/no-such-token");
    assertEquals(400, get.status());
    assertEquals("{\"success\":false,\"error\":\"[invalid-token]\",\"errorType\":\"invalid-token\"}", get.body());
    Reply delete = server.api().send("DELETE", "/api/v1/livechat/visitor/123", null, null);
    assertEquals(400, delete.status());
    assertEquals("[invalid-token]", delete.error());
  }

  @Test
  void aKnownTokenAnswersTheVisitor() {
    String token = server.newVisitor();
    Reply r = server.api().get("/api/v1/livechat/visitor/" + token);
    assertEquals(200, r.status());
    assertEquals(token, r.json().path("visitor").path("token").asText());
  }

  @Test
  void aVisitorWithAnOpenRoomCannotBeDeletedUnlessTheGdprSettingIsOn() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    Reply refused = server.api().deleteWithBody("/api/v1/livechat/visitor/" + token, "{}");
    assertEquals(400, refused.status());
    assertEquals("Cannot remove visitors with opened rooms [visitor-has-open-rooms]", refused.error());
    assertEquals("visitor-has-open-rooms", refused.json().path("errorType").asText());
    try (AutoCloseable gdpr = server.setting(Settings.ALLOW_COLLECT_HTTP_HEADERS, true)) {
      Reply ok = server.api().deleteWithBody("/api/v1/livechat/visitor/" + token, "{}");
      assertEquals(200, ok.status(), ok.body());
      assertTrue(ok.json().path("visitor").has("_id") && ok.json().path("visitor").has("ts"));
    }
    assertTrue(server.state().store().roomById(rid).isEmpty(), "the open room went with the visitor");
    assertTrue(server.state().store().openRoomsByVisitorToken(token).isEmpty());
  }

  @Test
  void aDeletedVisitorLosesRoomsMessagesAndFilesAndTheTokenStopsResolving() {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    String mid = server.say(token, rid, "bye").path("_id").asText();
    server.closeRoom(rid);
    Reply r = server.api().send("DELETE", "/api/v1/livechat/visitor/" + token, null, null);
    assertEquals(200, r.status(), r.body());
    assertEquals(400, server.api().get("/api/v1/livechat/visitor/" + token).status());
    assertEquals("invalid-token", server.api().get("/api/v1/livechat/room?token=" + token).error());
    assertTrue(server.state().store().roomById(rid).isEmpty());
    assertTrue(server.state().store().messageById(mid).isEmpty());
    assertTrue(server.state().store().roomsByVisitorToken(token).isEmpty());
  }

  @Test
  void visitorStatusSetsThePresenceShownOnTheOpenRoom() {
    String token = server.newVisitor();
    server.openRoom(token);
    Reply r = server.api().post("/api/v1/livechat/visitor.status", "{\"token\":\"" + token + "\",\"status\":\"away\"}");
    assertEquals("{\"token\":\"" + token + "\",\"status\":\"away\",\"success\":true}", r.body());
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room");
    assertEquals("away", room.path("v").path("status").asText());
  }

  @Test
  void visitorStatusIsCheckedLikeMeteorThenTheToken() {
    assertEquals("Match error: Missing key 'status'",
        server.api().post("/api/v1/livechat/visitor.status", "{\"token\":\"x\"}").error());
    assertEquals("Match error: Unknown key in field rid",
        server.api().post("/api/v1/livechat/visitor.status", "{\"token\":\"x\",\"status\":\"away\",\"rid\":\"r\"}").error());
    assertEquals("Match error: Expected one of online, away, busy, offline in field status",
        server.api().post("/api/v1/livechat/visitor.status", "{\"token\":\"x\",\"status\":\"sleepy\"}").error());
    Reply unknown = server.api().post("/api/v1/livechat/visitor.status", "{\"token\":\"x\",\"status\":\"away\"}");
    assertEquals("[invalid-token]", unknown.error());
    assertEquals("invalid-token", unknown.json().path("errorType").asText());
  }

  @Test
  void customFieldsGoToTheVisitorOrTheOpenRoomByScope() {
    server.addCustomField("address", "visitor", null);
    server.addCustomField("order", "room", "^[0-9]+$");
    String token = server.newVisitor();
    server.openRoom(token);
    Reply one = server.api().post("/api/v1/livechat/custom.field",
        "{\"token\":\"" + token + "\",\"key\":\"address\",\"value\":\"Main street\",\"overwrite\":true}");
    assertEquals("{\"field\":{\"key\":\"address\",\"value\":\"Main street\",\"overwrite\":true},\"success\":true}", one.body());
    server.api().post("/api/v1/livechat/custom.field",
        "{\"token\":\"" + token + "\",\"key\":\"address\",\"value\":\"Other street\",\"overwrite\":false}");
    assertEquals("Main street",
        server.api().get("/api/v1/livechat/visitor/" + token).json().path("visitor").path("livechatData").path("address").asText(),
        "overwrite:false keeps the value");

    Reply many = server.api().post("/api/v1/livechat/custom.fields", "{\"token\":\"" + token
        + "\",\"customFields\":[{\"key\":\"order\",\"value\":\"42\",\"overwrite\":true},{\"key\":\"nope\",\"value\":\"x\",\"overwrite\":true}]}");
    assertEquals("{\"fields\":[{\"Key\":\"order\",\"value\":\"42\",\"overwrite\":true}],\"success\":true}", many.body());
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room");
    assertEquals("42", room.path("livechatData").path("order").asText());
  }

  @Test
  void customFieldErrorsAreInvalidTokenUnknownFieldAndABadValue() {
    server.addCustomField("zip", "visitor", "^[0-9]{5}$");
    String token = server.newVisitor();
    assertEquals("invalid-token", server.api().post("/api/v1/livechat/custom.field",
        "{\"token\":\"nope\",\"key\":\"zip\",\"value\":\"12345\",\"overwrite\":true}").error());
    assertEquals("invalid-custom-field", server.api().post("/api/v1/livechat/custom.field",
        "{\"token\":\"" + token + "\",\"key\":\"unknown\",\"value\":\"1\",\"overwrite\":true}").error());
    assertEquals("Invalid value for zip field", server.api().post("/api/v1/livechat/custom.field",
        "{\"token\":\"" + token + "\",\"key\":\"zip\",\"value\":\"abc\",\"overwrite\":true}").error());
    assertEquals("must have required property 'overwrite' [invalid-params]", server.api().post("/api/v1/livechat/custom.field",
        "{\"token\":\"" + token + "\",\"key\":\"zip\",\"value\":\"abc\"}").error());
    assertFalse(server.api().get("/api/v1/livechat/visitor/" + token).json().path("visitor").has("livechatData"));
  }
}
