package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/**
 * {@code livechat/config}, {@code agent.info}, {@code agent.next}, {@code page.visited},
 * {@code offline.message}: behaviour-doc §5.7, §9.1.
 */
class LivechatConfigTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  JsonNode config(String query) {
    Reply r = server.api().get("/api/v1/livechat/config" + query);
    assertEquals(200, r.status(), r.body());
    return r.json().path("config");
  }

  @Test
  void withLivechatOffTheConfigIsOnlyEnabledFalse() throws Exception {
    try (AutoCloseable off = server.setting(Settings.LIVECHAT_ENABLED, false)) {
      assertEquals("{\"config\":{\"enabled\":false},\"success\":true}", server.api().get("/api/v1/livechat/config").body());
    }
  }

  @Test
  void theConfigHasTheWidgetsPartsAndNoGuestWithoutAToken() {
    String agent = server.state().store().userByUsername("agent").orElseThrow().id();
    server.createDepartment("Sales", agent);
    server.createDepartmentFrom(LiveServer.department("Old", false, false, ""), agent);
    server.createDepartment("Nobody here");
    JsonNode c = config("");
    assertTrue(c.path("enabled").asBoolean());
    for (String part : new String[] {"settings", "theme", "messages", "survey", "departments", "resources"}) {
      assertTrue(c.has(part), part);
    }
    assertEquals("url", c.path("settings").path("historyMonitorType").asText());
    assertEquals("Rocket.Chat", c.path("theme").path("title").asText());
    assertEquals(4, c.path("survey").path("items").size());
    assertEquals("Sales", c.path("departments").path(0).path("name").asText());
    assertEquals(1, c.path("departments").size(), "only enabled departments that have agents");
    assertTrue(c.path("online").asBoolean());
    assertFalse(c.has("guest") || c.has("room") || c.has("agent"));
    assertFalse(config("?token=no-such-visitor").has("guest"));
  }

  @Test
  void theConfigListsThePublicVisibleCustomFields() {
    server.addCustomField("config_field_1", "visitor", null);
    JsonNode fields = config("").path("customFields");
    assertTrue(fields.isArray() && fields.size() > 0);
    boolean found = false;
    for (JsonNode f : fields) {
      found |= "config_field_1".equals(f.path("_id").asText()) && "config_field_1".equals(f.path("label").asText());
    }
    assertTrue(found, fields.toString());
  }

  @Test
  void aVisitorsConfigHasTheGuestAndOnceChattingTheRoomAndItsAgent() {
    server.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"config-visitor\",\"name\":\"Mary\"}}");
    JsonNode before = config("?token=config-visitor");
    assertEquals("Mary", before.path("guest").path("name").asText());
    assertFalse(before.has("room"));
    String rid = server.openRoom("config-visitor");
    JsonNode after = config("?token=config-visitor");
    assertEquals(rid, after.path("room").path("_id").asText());
    assertEquals("agent", after.path("agent").path("username").asText());
  }

  @Test
  void anUnknownConfigQueryKeyIsInvalidParams() {
    assertEquals("must NOT have additional properties [invalid-params]",
        server.api().get("/api/v1/livechat/config?departmentId=x").error());
  }

  @Test
  void nobodyOnlineIsOnlineFalseUnlessUnservedChatsAreAccepted() throws Exception {
    server.setPresence("agent", Status.OFFLINE, Status.OFFLINE, AgentStatus.NOT_AVAILABLE);
    try {
      assertFalse(config("").path("online").asBoolean());
      try (AutoCloseable accept = server.setting(Settings.ACCEPT_CHATS_WITH_NO_AGENTS, true)) {
        assertTrue(config("").path("online").asBoolean());
      }
      assertEquals("agent-not-found", server.api().get("/api/v1/livechat/agent.next/anyone").error());
    } finally {
      server.setPresence("agent", Status.ONLINE, Status.ONLINE, AgentStatus.AVAILABLE);
    }
  }

  @Test
  void agentInfoNamesTheServingAgentAndHidesThemWhenTheSettingSaysSo() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    JsonNode agent = server.api().get("/api/v1/livechat/agent.info/" + rid + "/" + token).json().path("agent");
    assertEquals("agent", agent.path("username").asText());
    assertEquals("agent@livechat.local", agent.path("emails").path(0).path("address").asText());
    try (AutoCloseable hidden = server.setting(Settings.SHOW_AGENT_INFO, false)) {
      assertEquals("{\"agent\":{\"hiddenInfo\":true},\"success\":true}",
          server.api().get("/api/v1/livechat/agent.info/" + rid + "/" + token).body());
    }
    assertEquals("invalid-token", server.api().get("/api/v1/livechat/agent.info/" + rid + "/nope").error());
    assertEquals("invalid-room", server.api().get("/api/v1/livechat/agent.info/nope/" + token).error());
  }

  @Test
  void anUnservedRoomHasNoAgentInfo() throws Exception {
    try (AutoCloseable manual = server.setting(Settings.ROUTING_METHOD, "Manual_Selection")) {
      String token = server.newVisitor();
      String rid = server.openRoom(token);
      assertEquals("invalid-agent", server.api().get("/api/v1/livechat/agent.info/" + rid + "/" + token).error());
      assertEquals("agent-not-found", server.api().get("/api/v1/livechat/agent.next/" + server.newVisitor()).error());
    }
  }

  @Test
  void agentNextIsTheAgentRoutingWouldPickAndNothingOnceTheVisitorHasARoom() {
    String token = server.newVisitor();
    assertEquals("agent", server.api().get("/api/v1/livechat/agent.next/" + token + "?").json().path("agent")
        .path("username").asText());
    server.openRoom(token);
    assertEquals("{\"success\":true}", server.api().get("/api/v1/livechat/agent.next/" + token).body());
    assertEquals("must NOT have additional properties [invalid-params]",
        server.api().get("/api/v1/livechat/agent.next/" + token + "?dept=x").error());
  }

  @Test
  void aVisitedPageIsAnsweredAndStoredHiddenUnlessNavigationShowsAsMessages() throws Exception {
    String token = server.newVisitor();
    String rid = server.openRoom(token);
    String page = "{\"token\":\"" + token + "\",\"rid\":\"" + rid
        + "\",\"pageInfo\":{\"change\":\"url\",\"title\":\"Pricing\",\"location\":{\"href\":\"https://example.com/p\"}}}";
    Reply r = server.api().post("/api/v1/livechat/page.visited", page);
    assertEquals("Pricing - https://example.com/p", r.json().path("page").path("msg").asText());
    assertEquals("Pricing", r.json().path("page").path("navigation").path("page").path("title").asText());
    String url = "/api/v1/livechat/messages.history/" + rid + "?token=" + token + "&limit=1";
    assertFalse("livechat_navigation_history".equals(server.api().get(url).json().path("messages").path(0).path("t").asText()));
    try (AutoCloseable shown = server.setting(Settings.NAVIGATION_AS_A_MESSAGE, true)) {
      server.api().post("/api/v1/livechat/page.visited", page);
      JsonNode newest = server.api().get(url).json().path("messages").path(0);
      assertEquals("livechat_navigation_history", newest.path("t").asText());
      assertEquals("https://example.com/p", newest.path("navigation").path("page").path("location").path("href").asText());
    }
  }

  @Test
  void aPageChangeThatIsNotMonitoredIsSuccessAloneAndTheTokenIsNotChecked() {
    assertEquals("{\"success\":true}", server.api().post("/api/v1/livechat/page.visited",
        "{\"token\":\"test\",\"rid\":\"test\",\"pageInfo\":{\"change\":\"test\",\"title\":\"t\",\"location\":{\"href\":\"h\"}}}").body());
    Reply stored = server.api().post("/api/v1/livechat/page.visited",
        "{\"token\":\"test\",\"pageInfo\":{\"change\":\"url\",\"title\":\"Rocket.Chat\",\"location\":{\"href\":\"https://rocket.chat\"}}}");
    assertTrue(stored.json().path("page").has("navigation"));
    assertEquals("must have required property 'pageInfo' [invalid-params]",
        server.api().post("/api/v1/livechat/page.visited", "{\"token\":\"test\",\"rid\":\"test\"}").error());
    assertEquals("invalid-params", server.api().post("/api/v1/livechat/page.visited",
        "{\"token\":\"test\",\"rid\":{}}").json().path("errorType").asText());
  }

  @Test
  void anOfflineMessageIsKeptForManagersToRead() {
    Reply sent = server.api().post("/api/v1/livechat/offline.message",
        "{\"name\":\"Mary\",\"email\":\"mary@example.com\",\"message\":\"Call me\",\"host\":\"https://shop.example\"}");
    assertEquals("{\"message\":\"Livechat offline message sent\",\"success\":true}", sent.body());
    Api manager = server.api().as(server.api().login("manager", "manager"));
    JsonNode kept = manager.get("/api/v1/livechat/offline.messages").json().path("messages").path(0);
    assertEquals("Call me", kept.path("message").asText());
    assertEquals("https://shop.example", kept.path("host").asText());
    assertEquals(401, server.api().get("/api/v1/livechat/offline.messages").status());
    Api agent = server.api().as(server.api().login("agent", "agent"));
    assertEquals(403, agent.get("/api/v1/livechat/offline.messages").status());
  }

  @Test
  void anOfflineMessageIsRefusedWithoutAValidEmailOrWithTheFormOff() throws Exception {
    String url = "/api/v1/livechat/offline.message";
    assertEquals("must have required property 'name' [invalid-params]", server.api().post(url, "{}").error());
    assertEquals("must have required property 'message' [invalid-params]",
        server.api().post(url, "{\"name\":\"test\",\"email\":\"\"}").error());
    assertEquals("Error sending livechat offline message",
        server.api().post(url, "{\"name\":\"test\",\"email\":\"\",\"message\":\"test\"}").error());
    try (AutoCloseable off = server.setting(Settings.DISPLAY_OFFLINE_FORM, false)) {
      assertEquals(400, server.api().post(url, "{\"name\":\"t\",\"email\":\"t@example.com\",\"message\":\"m\"}").status());
    }
  }
}
