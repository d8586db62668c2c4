package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code GET /api/v1/livechat/visitor/{token}/room}: behaviour-doc §4 and §1.3. */
class VisitorOpenRoomsTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String NOT_LOGGED_IN =
      "{\"success\":false,\"error\":\"You must be logged in to do this.\",\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}";

  String path(String token) {
    return "/api/v1/livechat/visitor/" + token + "/room";
  }

  @Test
  void withoutCredentialsItIs401WithRocketChatsBody() {
    Reply r = server.api().get(path("anything"));
    assertEquals(401, r.status());
    assertEquals(NOT_LOGGED_IN, r.body());
  }

  @Test
  void withOnlyOneOfTheTwoHeadersItIs401() {
    Api.Session manager = server.api().login("manager", "manager");
    assertEquals(401, server.api().get(path("x"), "X-User-Id", manager.userId()).status());
    assertEquals(401, server.api().get(path("x"), "X-Auth-Token", manager.authToken()).status());
  }

  @Test
  void withAWrongTokenOrAnotherUsersIdItIs401() {
    Api.Session manager = server.api().login("manager", "manager");
    Api.Session admin = server.api().login("admin", "admin");
    Reply wrongToken = server.api().get(path("x"), "X-User-Id", manager.userId(), "X-Auth-Token", "not-the-token");
    assertEquals(401, wrongToken.status());
    assertEquals(NOT_LOGGED_IN, wrongToken.body());
    Reply crossed = server.api().get(path("x"), "X-User-Id", admin.userId(), "X-Auth-Token", manager.authToken());
    assertEquals(401, crossed.status());
  }

  @Test
  void aPlainAgentLacksViewLivechatManagerAndGets403() {
    Api agent = server.api().as(server.api().login("agent", "agent"));
    Reply r = agent.get(path("x"));
    assertEquals(403, r.status());
    assertEquals("{\"success\":false,\"error\":\"User does not have the permissions required for this action [error-unauthorized]\"}",
        r.body());
  }

  @Test
  void aManagerSeesTheVisitorsOpenRoomsProjectedToIdTypeClosedAndServedBy() {
    String token = server.newVisitor();
    String rid = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room").path("_id").asText();
    Api manager = server.api().as(server.api().login("manager", "manager"));
    Reply r = manager.get(path(token));
    assertEquals(200, r.status());
    JsonNode rooms = r.json().path("rooms");
    assertEquals(1, rooms.size());
    JsonNode room = rooms.get(0);
    List<String> keys = new ArrayList<>();
    room.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("_id", "t", "cl", "servedBy"), keys);
    assertEquals(rid, room.path("_id").asText());
    assertEquals("l", room.path("t").asText());
    assertEquals(false, room.path("cl").asBoolean(true));
    assertEquals("agent", room.path("servedBy").path("username").asText());
    assertEquals(true, r.json().path("success").asBoolean());
  }

  @Test
  void closedRoomsAreNotListed() {
    String token = server.newVisitor();
    String rid = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room").path("_id").asText();
    server.closeRoom(rid);
    Api admin = server.api().as(server.api().login("admin", "admin"));
    Reply r = admin.get(path(token));
    assertEquals(200, r.status());
    assertEquals(0, r.json().path("rooms").size());
  }

  @Test
  void anUnknownTokenIsAnEmptyListNotAnError() {
    Api admin = server.api().as(server.api().login("admin", "admin"));
    Reply r = admin.get(path("no-such-visitor"));
    assertEquals(200, r.status());
    assertEquals("{\"rooms\":[],\"success\":true}", r.body());
  }

  @Test
  void aTokenIsFoundThroughItsPercentEncodedPathSegmentWhateverItsCharacters() {
    Api admin = server.api().as(server.api().login("admin", "admin"));
    for (String token : List.of("team/a b", "100%", "back\\slash", "tab\there")) {
      String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
      server.api().post("/api/v1/livechat/visitor", new ObjectMapper().createObjectNode()
          .set("visitor", new ObjectMapper().createObjectNode().put("token", token)).toString());
      String rid = server.api().get("/api/v1/livechat/room?token=" + encoded).json().path("room").path("_id").asText();
      Reply r = admin.get(path(encoded));
      assertEquals(200, r.status(), token + ": " + r.body());
      assertEquals(rid, r.json().path("rooms").path(0).path("_id").asText(), token);
    }
  }

  @Test
  void aTokenThatLoggedOutNoLongerAuthenticates() {
    Api.Session s = server.api().login("manager", "manager");
    Api manager = server.api().as(s);
    assertEquals(200, manager.get(path("x")).status());
    assertEquals(200, manager.post("/api/v1/logout", null).status());
    assertEquals(401, manager.get(path("x")).status());
  }
}
