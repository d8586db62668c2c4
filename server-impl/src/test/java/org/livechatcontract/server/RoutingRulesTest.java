package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Settings;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** What decides whether and by whom a new room is served (behaviour-doc §6, first bullet, and §3.2). */
class RoutingRulesTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @AfterEach
  void restoreDefaults() {
    server.setPresence("agent", Status.ONLINE, Status.ONLINE, AgentStatus.AVAILABLE);
    server.state().settings().set(Settings.ACCEPT_CHATS_WITH_NO_AGENTS, false);
    server.state().settings().set(Settings.LIVECHAT_ENABLED, true);
    server.state().settings().set(Settings.ENABLED_WHEN_AGENT_IDLE, true);
  }

  Reply newRoom() {
    return server.api().get("/api/v1/livechat/room?token=" + server.newVisitor());
  }

  @Test
  void withNobodyOnlineTheRoomIsRefusedWithNoAgentOnline() {
    server.setPresence("agent", Status.OFFLINE, Status.OFFLINE, AgentStatus.AVAILABLE);
    long before = server.state().store().roomCount();
    Reply r = newRoom();
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"Sorry, no online agents [no-agent-online]\",\"errorType\":\"no-agent-online\"}",
        r.body());
    assertEquals(before, server.state().store().roomCount());
  }

  @Test
  void anAgentWhoIsNotAvailableForLivechatIsNotOnline() {
    server.setPresence("agent", Status.ONLINE, Status.ONLINE, AgentStatus.NOT_AVAILABLE);
    assertEquals("Sorry, no online agents [no-agent-online]", newRoom().error());
  }

  @Test
  void withAcceptChatsWithNoAgentsTheRoomOpensUnserved() {
    server.setPresence("agent", Status.OFFLINE, Status.OFFLINE, AgentStatus.AVAILABLE);
    server.state().settings().set(Settings.ACCEPT_CHATS_WITH_NO_AGENTS, true);
    Reply r = newRoom();
    assertEquals(200, r.status());
    assertFalse(r.json().path("room").has("servedBy"));
    assertEquals(1, r.json().path("room").path("usersCount").asInt());
  }

  @Test
  void aRequestedAgentSkipsTheNoAgentCheckAndTheRoomOpensUnserved() {
    User away = server.addAgent("requested-but-offline", Status.OFFLINE, AgentStatus.NOT_AVAILABLE);
    server.setPresence("agent", Status.OFFLINE, Status.OFFLINE, AgentStatus.AVAILABLE);
    Reply r = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor() + "&agentId=" + away.id());
    assertEquals(200, r.status());
    assertFalse(r.json().path("room").has("servedBy"));
  }

  @Test
  void anAwayAgentCountsAsOnlineUnlessIdleAgentsAreExcluded() {
    server.setPresence("agent", Status.AWAY, Status.AWAY, AgentStatus.AVAILABLE);
    assertEquals("agent", newRoom().json().path("room").path("servedBy").path("username").asText());
    server.state().settings().set(Settings.ENABLED_WHEN_AGENT_IDLE, false);
    assertEquals("Sorry, no online agents [no-agent-online]", newRoom().error());
  }

  @Test
  void withLivechatDisabledRoomCreationIsRefused() {
    server.state().settings().set(Settings.LIVECHAT_ENABLED, false);
    Reply r = newRoom();
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"[error-omnichannel-is-disabled]\",\"errorType\":\"error-omnichannel-is-disabled\"}",
        r.body());
  }

  @Test
  void anExistingOpenRoomIsReturnedEvenWhenNobodyIsOnline() {
    String token = server.newVisitor();
    String rid = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room").path("_id").asText();
    server.setPresence("agent", Status.OFFLINE, Status.OFFLINE, AgentStatus.AVAILABLE);
    Reply r = server.api().get("/api/v1/livechat/room?token=" + token);
    assertEquals(200, r.status());
    assertEquals(rid, r.json().path("room").path("_id").asText());
    assertTrue(r.json().path("room").path("open").asBoolean());
  }
}
