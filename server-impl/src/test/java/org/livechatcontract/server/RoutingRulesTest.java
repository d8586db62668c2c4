package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livechatcontract.server.support.LiveServer.servedBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/**
 * What decides whether and by whom a new room is served (behaviour-doc §6 and §3.2), each rule
 * arranged through the API as Rocket.Chat's own tests arrange it.
 */
class RoutingRulesTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String NO_AGENT_ONLINE =
      "{\"success\":false,\"error\":\"Sorry, no online agents [no-agent-online]\",\"errorType\":\"no-agent-online\"}";

  /** Back to the default state: only the default agent online, Rocket.Chat's default settings. */
  @AfterEach
  void restoreDefaults() {
    for (JsonNode agent : server.admin().get("/api/v1/livechat/users/agent?count=0").json().path("users")) {
      boolean theDefault = agent.path("username").asText().equals("agent");
      server.admin().post("/api/v1/livechat/agent.status", "{\"agentId\":\"" + agent.path("_id").asText()
          + "\",\"status\":\"" + (theDefault ? "available" : "not-available") + "\"}");
    }
    server.setPresence("agent", Status.ONLINE, Status.ONLINE, AgentStatus.AVAILABLE);
    server.setSetting("Livechat_accept_chats_with_no_agents", "false");
    server.setSetting("Livechat_enabled", "true");
    server.setSetting("Livechat_enabled_when_agent_idle", "true");
    server.setSetting("Livechat_Routing_Method", "\"Auto_Selection\"");
    server.setSetting("Livechat_waiting_queue", "false");
    server.setSetting("Livechat_assign_new_conversation_to_bot", "false");
  }

  void presence(String username, String status) {
    assertEquals(200, server.admin().post("/api/v1/users.setStatus",
        "{\"username\":\"" + username + "\",\"status\":\"" + status + "\"}").status());
  }

  Reply newRoom() {
    return server.api().get("/api/v1/livechat/room?token=" + server.newVisitor());
  }

  // Online agents (§6, first bullet)

  @Test
  void withNobodyOnlineTheRoomIsRefusedWithNoAgentOnline() {
    presence("agent", "offline");
    long before = server.state().store().roomCount();
    Reply r = newRoom();
    assertEquals(400, r.status());
    assertEquals(NO_AGENT_ONLINE, r.body());
    assertEquals(before, server.state().store().roomCount());
  }

  @Test
  void anAgentWhoIsNotAvailableForLivechatIsNotOnline() {
    Api agent = server.as("agent");
    assertEquals("not-available", agent.post("/api/v1/livechat/agent.status", "{\"status\":\"not-available\"}")
        .json().path("status").asText());
    assertEquals(NO_AGENT_ONLINE, newRoom().body());
  }

  @Test
  void anAwayAgentCountsAsOnlineUnlessIdleAgentsAreExcluded() {
    server.setPresence("agent", Status.AWAY, Status.AWAY, AgentStatus.AVAILABLE); // the connection's idleness
    assertEquals("agent", servedBy(newRoom().json().path("room")));
    server.setSetting("Livechat_enabled_when_agent_idle", "false");
    assertEquals(NO_AGENT_ONLINE, newRoom().body());
  }

  @Test
  void aBotAgentCountsAsOnlineWhateverItsPresence() {
    presence("agent", "offline");
    String bot = server.createUser("routing-bot", "user", "bot", "livechat-agent");
    server.admin().post("/api/v1/livechat/agent.status", "{\"agentId\":\"" + bot + "\",\"status\":\"available\"}");
    assertEquals("routing-bot", servedBy(newRoom().json().path("room")));
  }

  @Test
  void withBotsGettingNewConversationsABotServesBeforeAnyHuman() {
    String bot = server.createUser("first-bot", "user", "bot", "livechat-agent");
    server.admin().post("/api/v1/livechat/agent.status", "{\"agentId\":\"" + bot + "\",\"status\":\"available\"}");
    server.api().get("/api/v1/livechat/room?token=" + server.newVisitor() + "&agentId=" + bot);
    server.createOnlineAgent("idle-human"); // no chats at all: Auto_Selection alone would pick them
    server.setSetting("Livechat_assign_new_conversation_to_bot", "true");
    assertEquals("first-bot", servedBy(newRoom().json().path("room")));
    assertEquals("first-bot", servedBy(newRoom().json().path("room")));
  }

  // No agent online, Livechat disabled

  @Test
  void withAcceptChatsWithNoAgentsTheRoomOpensUnserved() {
    presence("agent", "offline");
    server.setSetting("Livechat_accept_chats_with_no_agents", "true");
    Reply r = newRoom();
    assertEquals(200, r.status());
    assertFalse(r.json().path("room").has("servedBy"));
    assertEquals(1, r.json().path("room").path("usersCount").asInt());
  }

  @Test
  void aRequestedAgentSkipsTheNoAgentCheckAndTheRoomOpensUnserved() {
    String offline = server.createUser("requested-but-offline", "user", "livechat-agent");
    presence("agent", "offline");
    Reply r = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor() + "&agentId=" + offline);
    assertEquals(200, r.status());
    assertFalse(r.json().path("room").has("servedBy"));
  }

  @Test
  void withLivechatDisabledRoomCreationIsRefused() {
    server.setSetting("Livechat_enabled", "false");
    Reply r = newRoom();
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"[error-omnichannel-is-disabled]\",\"errorType\":\"error-omnichannel-is-disabled\"}",
        r.body());
  }

  @Test
  void anExistingOpenRoomIsReturnedEvenWhenNobodyIsOnline() {
    String token = server.newVisitor();
    String rid = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room").path("_id").asText();
    presence("agent", "offline");
    Reply r = server.api().get("/api/v1/livechat/room?token=" + token);
    assertEquals(200, r.status());
    assertEquals(rid, r.json().path("room").path("_id").asText());
    assertTrue(r.json().path("room").path("open").asBoolean());
  }

  // Auto_Selection and departments

  @Test
  void autoSelectionPicksTheLeastBusyOnlineAgentOfTheVisitorsDepartment() {
    String a = server.createOnlineAgent("dept-busy-a");
    String b = server.createOnlineAgent("dept-busy-b");
    String sales = server.createDepartment("Busy Sales", a, b);
    assertEquals("dept-busy-a", servedBy(server.openRoomInDepartment(sales)));
    assertEquals("dept-busy-b", servedBy(server.openRoomInDepartment(sales)));
    JsonNode third = server.openRoomInDepartment(sales);
    assertEquals("dept-busy-a", servedBy(third));
    assertEquals(sales, third.path("departmentId").asText());
  }

  @Test
  void aDepartmentsRoomsGoOnlyToItsOwnAgents() {
    String member = server.createOnlineAgent("dept-only-member");
    String sales = server.createDepartment("Only Sales", member);
    server.createOnlineAgent("dept-only-outsider"); // less busy after the first room, but not in the department
    for (int i = 0; i < 3; i++) {
      assertEquals("dept-only-member", servedBy(server.openRoomInDepartment(sales)));
    }
  }

  @Test
  void aDepartmentWithNobodyOnlineFallsBackToItsFallbackDepartment() {
    String away = server.createUser("fallback-offline", "user", "livechat-agent");
    String helper = server.createOnlineAgent("fallback-helper");
    String support = server.createDepartment("Fallback Support", helper);
    String sales = server.createDepartmentFrom(
        LiveServer.department("Fallback Sales", true, false, ",\"fallbackForwardDepartment\":\"" + support + "\""), away);
    JsonNode room = server.openRoomInDepartment(sales);
    assertEquals("fallback-helper", servedBy(room));
    assertEquals(support, room.path("departmentId").asText());
  }

  @Test
  void aDepartmentWithNobodyOnlineAndNoFallbackRefusesTheRoom() {
    String away = server.createUser("lonely-offline", "user", "livechat-agent");
    String sales = server.createDepartment("Lonely Sales", away);
    assertEquals(NO_AGENT_ONLINE, server.requestRoomInDepartment(sales).body());
  }

  @Test
  void aDisabledDepartmentIsServedByNobody() {
    String member = server.createOnlineAgent("disabled-member");
    String sales = server.createDepartmentFrom(LiveServer.department("Disabled Sales", false, false, ""), member);
    assertEquals(NO_AGENT_ONLINE, server.requestRoomInDepartment(sales).body());
  }

  @Test
  void aVisitorWithoutDepartmentGoesToTheFirstDepartmentOfferedAtRegistrationWithSomeoneOnline() {
    String member = server.createOnlineAgent("registration-member");
    String offered = server.createDepartmentFrom(LiveServer.department("Registration", true, true, ""), member);
    JsonNode room = newRoom().json().path("room");
    assertEquals(offered, room.path("departmentId").asText());
    assertEquals("registration-member", servedBy(room));
    server.admin().put("/api/v1/livechat/department/" + offered,
        "{\"department\":" + LiveServer.department("Registration", true, false, "") + "}");
  }

  @Test
  void aVisitorWithoutDepartmentIsServedByAnyOnlineAgent() {
    presence("agent", "offline");
    server.createOnlineAgent("anywhere-agent");
    JsonNode room = newRoom().json().path("room");
    assertEquals("anywhere-agent", servedBy(room));
    assertFalse(room.has("departmentId"));
  }

  @Test
  void aRequestedAgentServesTheRoomOnlyWhileOnline() {
    String requested = server.createOnlineAgent("requested-agent");
    Reply online = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor() + "&agentId=" + requested);
    assertEquals("requested-agent", servedBy(online.json().path("room")));
    presence("requested-agent", "offline");
    Reply offline = server.api().get("/api/v1/livechat/room?token=" + server.newVisitor() + "&agentId=" + requested);
    assertEquals("agent", servedBy(offline.json().path("room")));
  }

  // Manual_Selection and the queue

  @Test
  void manualSelectionQueuesTheRoomUnservedAndOneAgentTakesIt() {
    server.setSetting("Livechat_Routing_Method", "\"Manual_Selection\"");
    JsonNode room = newRoom().json().path("room");
    assertFalse(room.has("servedBy"));
    String rid = room.path("_id").asText();
    Api agent = server.as("agent");
    JsonNode inquiry = agent.get("/api/v1/livechat/inquiries.getOne?roomId=" + rid).json().path("inquiry");
    assertEquals("queued", inquiry.path("status").asText());

    Reply take = agent.post("/api/v1/livechat/inquiries.take", "{\"inquiryId\":\"" + inquiry.path("_id").asText() + "\"}");
    assertEquals("{\"success\":true}", take.body());
    JsonNode served = server.admin().get("/api/v1/livechat/visitor/" + room.path("v").path("token").asText() + "/room")
        .json().path("rooms").get(0);
    assertEquals("agent", servedBy(served));

    Reply again = server.admin().post("/api/v1/livechat/inquiries.take", "{\"inquiryId\":\"" + inquiry.path("_id").asText()
        + "\",\"userId\":\"" + server.state().store().userByUsername("agent").orElseThrow().id() + "\"}");
    assertEquals(400, again.status());
    assertEquals("Inquiry already taken [error-inquiry-taken]", again.error());
  }

  @Test
  void withTheWaitingQueueOnRoomsAreQueuedEvenUnderAutoSelection() {
    server.setSetting("Livechat_waiting_queue", "true");
    JsonNode room = newRoom().json().path("room");
    assertFalse(room.has("servedBy"));
    assertEquals("queued", server.as("agent").get("/api/v1/livechat/inquiries.getOne?roomId=" + room.path("_id").asText())
        .json().path("inquiry").path("status").asText());
  }

  // Open-chat counts

  @Test
  void closingARoomFreesTheAgentForAutoSelection() {
    String a = server.createOnlineAgent("close-count-a");
    String b = server.createOnlineAgent("close-count-b");
    String sales = server.createDepartment("Close Count", a, b);
    assertEquals("close-count-a", servedBy(server.openRoomInDepartment(sales)));
    JsonNode second = server.openRoomInDepartment(sales);
    assertEquals("close-count-b", servedBy(second));
    assertEquals(200, server.as("close-count-b").post("/api/v1/livechat/room.closeByUser",
        "{\"rid\":\"" + second.path("_id").asText() + "\"}").status());
    // a has one open chat, b none again: b, though a would win a tie
    assertEquals("close-count-b", servedBy(server.openRoomInDepartment(sales)));
  }

  @Test
  void forwardingARoomMovesItsCountToTheNewAgent() {
    String a = server.createOnlineAgent("forward-count-a");
    String b = server.createOnlineAgent("forward-count-b");
    String sales = server.createDepartment("Forward Count", a, b);
    String first = server.openRoomInDepartment(sales).path("_id").asText();
    assertEquals(200, server.admin().post("/api/v1/livechat/room.forward",
        "{\"roomId\":\"" + first + "\",\"userId\":\"" + b + "\"}").status());
    assertEquals("forward-count-a", servedBy(server.openRoomInDepartment(sales)));
    assertEquals("forward-count-a", servedBy(server.openRoomInDepartment(sales)));
    assertEquals("forward-count-b", servedBy(server.openRoomInDepartment(sales)));
  }
}
