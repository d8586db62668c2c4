package org.livechatcontract.server.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.LivechatServer;
import org.livechatcontract.server.Main;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.RawHttp;
import org.livechatcontract.server.support.Reply;

/** Reset, export and load through the admin API; who may use it; byte-identical exports under a seed and a clock. */
class StubStateTest {
  private static final String STATE = "/api/v1/stub/state";

  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @RegisterExtension
  static final LiveServer withoutAdminApi = new LiveServer(c -> c.withStub(StubOptions.defaults().withAdminApi(false)));

  private static JsonNode parse(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }

  private String export(Api admin) {
    Reply r = admin.get(STATE);
    assertEquals(200, r.status(), r.body());
    return r.body();
  }

  private void conversation(String token) {
    assertEquals(200, server.api().post("/api/v1/livechat/visitor",
        "{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"Mary\",\"email\":\"" + token + "@example.com\",\"phone\":\"+1555"
            + token.hashCode() + "\"}}").status());
    assertEquals(200, server.api().get("/api/v1/livechat/room?token=" + token).status());
  }

  @Test
  void theAdminApiNeedsAnAdminsCredentials() {
    assertEquals(401, server.api().get(STATE).status());
    assertEquals(403, server.api().as(server.api().login("manager", "manager")).get(STATE).status());
    assertEquals(403, server.api().as(server.api().login("agent", "agent")).post("/api/v1/stub/reset", null).status());
    assertEquals(200, server.freshAdmin().get(STATE).status());
  }

  @Test
  void withoutTheAdminApiItsPathsAreUnknown() throws Exception {
    Api.Session admin = withoutAdminApi.api().login("admin", "admin");
    String credentials = "X-User-Id: " + admin.userId() + "\r\nX-Auth-Token: " + admin.authToken() + "\r\n";
    // raw requests: the contract check would hold these paths to the admin spec, which this server does not serve
    for (String request : new String[] {"GET " + STATE, "POST /api/v1/stub/reset", "GET /api/v1/stub/journal"}) {
      RawHttp.RawReply r = RawHttp.send(withoutAdminApi.port(), request + " HTTP/1.1\r\nHost: x\r\n" + credentials
          + "Content-Length: 0\r\nConnection: close\r\n\r\n");
      assertEquals(404, r.status(), request);
      assertEquals("{\"success\":false,\"error\":\"Resource not found\"}", r.body(), request);
    }
  }

  /** A visitor with a room and two messages; returns the room's {@code _id}. */
  private String conversationWithMessages(String token) {
    conversation(token);
    String rid = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room").path("_id").asText();
    say(server.api(), token, rid, "Hello");
    say(server.api(), token, rid, "Anyone there?");
    return rid;
  }

  private static void say(Api api, String token, String rid, String text) {
    Reply r = api.post("/api/v1/livechat/message", "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\""
        + text + "\"}");
    assertEquals(200, r.status(), r.body());
  }

  /** Something of every kind the server keeps: messages, a closed room, an upload, inquiries, a department, ... */
  private void everyKindOfState(Api admin) {
    String closed = "every-closed-" + Ids.secure().id();
    String closedRid = conversationWithMessages(closed);
    assertEquals(200, server.api().post("/api/v1/livechat/room.close",
        "{\"token\":\"" + closed + "\",\"rid\":\"" + closedRid + "\"}").status());
    String open = "every-open-" + Ids.secure().id();
    String openRid = conversationWithMessages(open);
    Reply upload = server.api().upload("/api/v1/livechat/upload/" + openRid, "notes.txt", "text/plain", "hello, file",
        Map.of("description", "my notes"), "x-visitor-token", open);
    assertEquals(200, upload.status(), upload.body());
    Api.Session agentSession = server.api().login("agent", "agent");
    String agentId = agentSession.userId();
    Reply answer = server.api().as(agentSession).post("/api/v1/chat.sendMessage",
        "{\"message\":{\"rid\":\"" + openRid + "\",\"msg\":\"How can I help?\"}}");
    assertEquals(200, answer.status(), answer.body()); // the room gains responseBy and response metrics
    assertEquals(200, admin.post("/api/v1/livechat/department", "{\"department\":{\"name\":\"Sales " + Ids.secure().id()
        + "\",\"enabled\":true,\"showOnRegistration\":true,\"showOnOfflineForm\":false,\"email\":\"sales@example.com\"},\"agents\":[{\"agentId\":\""
        + agentId + "\",\"count\":3,\"order\":1}]}").status());
    assertEquals(200, admin.post("/api/v1/permissions.update",
        "{\"permissions\":[{\"_id\":\"view-l-room\",\"roles\":[\"admin\",\"livechat-manager\"]}]}").status());
    assertEquals(200, server.api().post("/api/v1/livechat/offline.message",
        "{\"name\":\"Mary\",\"email\":\"mary@example.com\",\"message\":\"Call me\"}").status());
    String gone = "every-deleted-" + Ids.secure().id(); // a deleted visitor stays, disabled and without a token
    assertEquals(200, server.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + gone + "\"}}").status());
    assertEquals(200, server.api().send("DELETE", "/api/v1/livechat/visitor/" + gone, null, null).status());
    assertEquals(200, admin.post("/api/v1/settings/Livechat_Routing_Method", "{\"value\":\"Manual_Selection\"}").status());
    conversationWithMessages("every-queued-" + Ids.secure().id()); // unserved, with a queued inquiry
  }

  @Test
  void resetRestoresTheFixturesExactly() {
    synchronized (StubStateTest.class) {
      Api admin = server.freshAdmin();
      assertEquals(200, admin.post("/api/v1/stub/reset", null).status());
      admin = server.freshAdmin();
      String start = export(admin);
      everyKindOfState(admin);
      String changed = export(admin);
      assertNotEquals(start, changed);

      assertEquals(200, admin.post("/api/v1/stub/reset", null).status());
      assertEquals(401, admin.get(STATE).status(), "a reset ends every login");
      assertEquals(start, export(server.freshAdmin()));
      assertEquals(400, server.api().get("/api/v1/livechat/room?token=reset-gone").status());
    }
  }

  @Test
  void exportThenLoadIsLosslessForEverythingTheServerHolds() {
    synchronized (StubStateTest.class) {
      Api admin = server.freshAdmin();
      everyKindOfState(admin);
      String open = "lossless-open-" + Ids.secure().id();
      String openRid = conversationWithMessages(open);
      String historyBefore = server.api().get("/api/v1/livechat/messages.history/" + openRid + "?token=" + open).body();
      String before = export(admin);
      JsonNode doc = parse(before);
      for (String section : List.of("users", "departments", "visitors", "permissions", "permissionsUpdatedAt",
          "rooms", "messages", "inquiries", "files", "offlineMessages")) {
        assertFalse(doc.path(section).isEmpty(), section + " in " + before);
      }
      boolean deletedVisitor = false;
      for (JsonNode v : doc.path("visitors")) {
        deletedVisitor |= !v.has("token");
      }
      assertTrue(deletedVisitor, "the deleted visitor, without a token: " + doc.path("visitors"));
      assertTrue(before.contains("\"closedAt\"") && before.contains("\"chatDuration\"")
          && before.contains("\"lastMessage\"") && before.contains("\"visitorLastMessageTs\"")
          && before.contains("\"agentRecords\"") && before.contains("\"responseBy\""), before);

      assertEquals(200, admin.post("/api/v1/stub/reset", null).status());
      admin = server.freshAdmin();
      assertNotEquals(before, export(admin));
      assertEquals(200, admin.send("PUT", STATE, before, "application/json").status());
      assertEquals(before, export(server.freshAdmin()));
      Reply again = server.api().get("/api/v1/livechat/room?token=" + open);
      assertEquals(openRid, again.json().path("room").path("_id").asText(), "the loaded open room is served");
      assertEquals(false, again.json().path("newRoom").asBoolean());
      assertEquals(historyBefore, server.api().get("/api/v1/livechat/messages.history/" + openRid + "?token=" + open)
          .body(), "the loaded room has its history");
      JsonNode file = doc.path("files").path(0);
      Reply served = server.api().get("/file-upload/" + file.path("_id").asText() + "/" + file.path("name").asText());
      assertEquals("hello, file", served.body(), "the loaded upload is served");
      assertEquals(200, server.freshAdmin().post("/api/v1/stub/reset", null).status());
    }
  }

  @Test
  void aHandWrittenDocumentLoadsAndItsPasswordsWork() {
    synchronized (StubStateTest.class) {
      Api admin = server.freshAdmin();
      String doc = "{\"users\":[{\"username\":\"admin\",\"password\":\"s3cret\",\"roles\":[\"user\",\"admin\"]},"
          + "{\"username\":\"bob\",\"password\":\"bob\",\"roles\":[\"user\",\"livechat-agent\"],\"status\":\"online\","
          + "\"statusLivechat\":\"available\"}],\"visitors\":[{\"token\":\"loaded-visitor\",\"name\":\"Lee\"}]}";
      assertEquals(200, admin.send("PUT", STATE, doc, "application/json").status());
      Api admin2 = server.api().as(server.api().login("admin", "s3cret"));
      Reply room = server.api().get("/api/v1/livechat/room?token=loaded-visitor");
      assertEquals("bob", room.json().path("room").path("servedBy").path("username").asText(), room.body());
      assertEquals(200, admin2.post("/api/v1/stub/reset", null).status());
      assertEquals(200, server.freshAdmin().get(STATE).status(), "reset brought the default admin back");
    }
  }

  @Test
  void aBadDocumentIsRefusedWholeAndChangesNothing() {
    synchronized (StubStateTest.class) {
      Api admin = server.freshAdmin();
      String before = export(admin);
      Reply twice = admin.send("PUT", STATE, "{\"users\":[{\"username\":\"x\",\"password\":\"x\",\"roles\":[]},"
          + "{\"username\":\"x\",\"password\":\"y\",\"roles\":[]}]}", "application/json");
      assertEquals(400, twice.status());
      assertTrue(twice.error().contains("'x' appears twice"), twice.error());
      Reply unknownKey = admin.send("PUT", STATE, "{\"users\":[],\"agents\":[]}", "application/json");
      assertEquals(400, unknownKey.status(), unknownKey.body());
      Reply noRoles = admin.send("PUT", STATE, "{\"users\":[{\"username\":\"x\",\"password\":\"x\"}]}", "application/json");
      assertEquals(400, noRoles.status(), noRoles.body());
      Reply strayMessage = admin.send("PUT", STATE, "{\"messages\":[{\"_id\":\"m1\",\"rid\":\"nowhere\","
          + "\"msg\":\"hi\",\"ts\":\"2026-01-01T00:00:00.000Z\",\"hidden\":false}]}", "application/json");
      assertEquals(400, strayMessage.status(), strayMessage.body());
      assertTrue(strayMessage.error().contains("no room 'nowhere'"), strayMessage.error());
      assertEquals(before, export(admin));
    }
  }

  @Test
  void theSameSeedAndClockGiveByteIdenticalExportsAcrossTwoRuns() throws Exception {
    String here = seededRun(42);
    String otherJvm = seededRunInAnotherJvm(42); // its own hash seeds and set orders: nothing left to chance
    assertEquals(here, otherJvm);
    assertNotEquals(here, seededRun(43), "the seed decides the ids, so the test can tell runs apart");
  }

  private static String seededRunInAnotherJvm(long seed) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--port", "0", "--seed", String.valueOf(seed), "--clock", "2026-01-01T00:00:00Z")
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String base = null;
      while (base == null) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        Matcher listening = Pattern.compile("listening on (http://\\S+) ").matcher(line);
        base = listening.find() ? listening.group(1) : null;
      }
      assertTrue(base != null, "the server did not start");
      return conversationAndExport(new Api(URI.create(base)));
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  private static String seededRun(long seed) throws Exception {
    LivechatServer.Config config = LivechatServer.Config.defaults(0).withIds(Ids.seeded(seed))
        .withClock(StubClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z")));
    try (LivechatServer s = LivechatServer.start(config)) {
      return conversationAndExport(new Api(s.baseUri()));
    }
  }

  private static String conversationAndExport(Api api) {
    api.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"v1\",\"name\":\"Mary\"}}");
    String rid = api.get("/api/v1/livechat/room?token=v1").json().path("room").path("_id").asText();
    say(api, "v1", rid, "Hello");
    Api admin = api.as(api.login("admin", "admin"));
    admin.post("/api/v1/stub/clock.advance", "{\"seconds\":90}");
    say(api, "v1", rid, "Anyone there?");
    api.post("/api/v1/livechat/room.close", "{\"token\":\"v1\",\"rid\":\"" + rid + "\"}");
    api.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"v2\"}}");
    api.get("/api/v1/livechat/room?token=v2");
    Reply r = admin.get(STATE);
    assertEquals(200, r.status());
    int inRoom = 0;
    for (JsonNode m : parse(r.body()).path("messages")) {
      inRoom += m.path("rid").asText().equals(rid) ? 1 : 0;
    }
    assertEquals(5, inRoom, "started, joined, two messages, closed: " + r.body());
    return r.body();
  }
}
