package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code livechat/users/:type}, {@code livechat/users/:type/:_id} and {@code livechat/agent.status}. */
class LivechatUsersTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static List<String> usernames(Reply r) {
    List<String> out = new ArrayList<>();
    r.json().path("users").forEach(u -> out.add(u.path("username").asText()));
    return out;
  }

  @Test
  void aManagerMakesAUserAnAgentWhoIsThenAvailable() {
    String id = server.createUser("new-agent", "user");
    Reply r = server.as("manager").post("/api/v1/livechat/users/agent", "{\"username\":\"new-agent\"}");
    assertEquals("{\"user\":{\"_id\":\"" + id + "\",\"username\":\"new-agent\"},\"success\":true}", r.body());
    JsonNode agent = server.admin().get("/api/v1/livechat/users/agent/" + id).json().path("user");
    assertEquals("available", agent.path("statusLivechat").asText());
  }

  @Test
  void aManagerMakesAUserAManagerWhoThenSeesVisitorsRooms() {
    server.createUser("new-manager", "user");
    assertEquals(200, server.admin().post("/api/v1/livechat/users/manager", "{\"username\":\"new-manager\"}").status());
    assertEquals(200, server.as("new-manager").get("/api/v1/livechat/visitor/anyone/room").status());
  }

  @Test
  void anUnknownUsernameOrTypeIsRefused() {
    Reply user = server.admin().post("/api/v1/livechat/users/agent", "{\"username\":\"nobody-here\"}");
    assertEquals("{\"success\":false,\"error\":\"error-invalid-user\"}", user.body());
    Reply type = server.admin().post("/api/v1/livechat/users/monitor", "{\"username\":\"agent\"}");
    assertEquals("{\"success\":false,\"error\":\"Invalid type\"}", type.body());
    assertEquals("Invalid type", server.admin().get("/api/v1/livechat/users/monitor").error());
    assertEquals("Invalid type", server.admin().get("/api/v1/livechat/users/monitor/x").error());
    assertEquals("Invalid type", server.admin().delete("/api/v1/livechat/users/monitor/x").error());
  }

  @Test
  void addingNeedsViewLivechatManager() {
    Reply r = server.as("agent").post("/api/v1/livechat/users/agent", "{\"username\":\"agent\"}");
    assertEquals(403, r.status());
    assertEquals("User does not have the permissions required for this action [error-unauthorized]", r.error());
  }

  @Test
  void theBodyIsValidatedBeforeTheType() {
    Reply r = server.admin().post("/api/v1/livechat/users/monitor", "{}");
    assertEquals("must have required property 'username' [invalid-params]", r.error());
  }

  @Test
  void theAgentListIsSortedAndFilteredAndPaged() {
    server.createUser("list-zed", "user", "livechat-agent");
    server.createUser("list-amy", "user", "livechat-agent");
    Reply all = server.admin().get("/api/v1/livechat/users/agent?text=LIST-&count=0");
    assertEquals(List.of("list-amy", "list-zed"), usernames(all));
    assertEquals(2, all.json().path("total").asInt());
    Reply page = server.admin().get("/api/v1/livechat/users/agent?text=list-&count=1&offset=1");
    assertEquals(List.of("list-zed"), usernames(page));
    assertEquals(1, page.json().path("count").asInt());
    assertEquals(1, page.json().path("offset").asInt());
    assertEquals(2, page.json().path("total").asInt());
    assertEquals(List.of("agent"), usernames(server.admin().get("/api/v1/livechat/users/agent?onlyAvailable=true&text=agent")));
  }

  @Test
  void aPlainAgentMayListAgentsButNotManagers() {
    Api agent = server.as("agent");
    assertEquals(200, agent.get("/api/v1/livechat/users/agent").status());
    Reply managers = agent.get("/api/v1/livechat/users/manager");
    assertEquals(403, managers.status());
    assertEquals("{\"success\":false,\"error\":\"unauthorized\"}", managers.body());
    assertTrue(usernames(server.as("manager").get("/api/v1/livechat/users/manager")).contains("manager"));
  }

  @Test
  void theListQueryIsValidatedAsRocketChatsAjvDoes() {
    assertEquals("must NOT have additional properties [invalid-params]",
        server.admin().get("/api/v1/livechat/users/agent?colour=blue").error());
    assertEquals("must be integer [invalid-params]", server.admin().get("/api/v1/livechat/users/agent?count=many").error());
    assertEquals("must be boolean [invalid-params]",
        server.admin().get("/api/v1/livechat/users/agent?onlyAvailable=yes").error());
    assertEquals("count must be >= 0 [invalid-params]", server.admin().get("/api/v1/livechat/users/agent?count=-1").error());
  }

  @Test
  void oneAgentIsShownOnlyIfTheyHaveTheRole() {
    String agentId = server.state().store().userByUsername("agent").orElseThrow().id();
    JsonNode agent = server.admin().get("/api/v1/livechat/users/agent/" + agentId).json();
    assertEquals("agent", agent.path("user").path("username").asText());
    assertEquals("{\"success\":true}", server.admin().get("/api/v1/livechat/users/manager/" + agentId).body());
    assertEquals("{\"success\":true}", server.admin().get("/api/v1/livechat/users/agent/no-such-id").body());
  }

  @Test
  void removingAnAgentTakesTheRoleAndLeavesTheirDepartments() {
    String id = server.createOnlineAgent("removed-agent");
    String department = server.createDepartment("Removal", id);
    assertEquals("{\"success\":true}", server.admin().delete("/api/v1/livechat/users/agent/" + id).body());
    assertEquals("{\"success\":true}", server.admin().get("/api/v1/livechat/users/agent/" + id).body());
    assertEquals(0, server.admin().get("/api/v1/livechat/department/" + department).json()
        .path("department").path("numAgents").asInt());
    assertFalse(server.as("removed-agent").get("/api/v1/me").json().has("statusLivechat"));
    assertEquals("error-invalid-user", server.admin().delete("/api/v1/livechat/users/agent/no-such-id").error());
  }

  // agent.status

  @Test
  void anAgentTogglesOrSetsTheirOwnAvailability() {
    server.createOnlineAgent("toggler");
    Api toggler = server.as("toggler");
    assertEquals("{\"status\":\"not-available\",\"success\":true}", toggler.post("/api/v1/livechat/agent.status", "{}").body());
    assertEquals("available", toggler.post("/api/v1/livechat/agent.status", "{}").json().path("status").asText());
    assertEquals("available", toggler.post("/api/v1/livechat/agent.status", "{\"status\":\"available\"}")
        .json().path("status").asText());
  }

  @Test
  void aStatusOutsideTheTwoIsRefusedInAjvWords() {
    server.createOnlineAgent("chooser");
    Reply r = server.as("chooser").post("/api/v1/livechat/agent.status", "{\"status\":\"busy\"}");
    assertEquals(400, r.status());
    assertEquals("must be equal to one of the allowed values [invalid-params]", r.error());
    assertEquals("available", server.as("chooser").post("/api/v1/livechat/agent.status", "{\"status\":\"available\"}")
        .json().path("status").asText());
  }

  @Test
  void changingAnotherAgentNeedsManageLivechatAgents() {
    String other = server.createOnlineAgent("other-agent");
    Reply r = server.as("agent").post("/api/v1/livechat/agent.status",
        "{\"agentId\":\"" + other + "\",\"status\":\"not-available\"}");
    assertEquals(403, r.status());
    assertEquals("{\"success\":false,\"error\":\"unauthorized\"}", r.body());
    assertEquals("not-available", server.as("manager").post("/api/v1/livechat/agent.status",
        "{\"agentId\":\"" + other + "\",\"status\":\"not-available\"}").json().path("status").asText());
  }

  @Test
  void aUserWhoIsNotAnAgentIsNotFound() {
    Reply r = server.as("manager").post("/api/v1/livechat/agent.status", "{\"status\":\"available\"}");
    assertEquals(404, r.status());
    assertEquals("{\"success\":false,\"error\":\"Agent not found\"}", r.body());
  }

  @Test
  void anInactiveAgentCannotChangeAvailability() {
    Reply created = server.admin().post("/api/v1/users.create", "{\"username\":\"inactive-agent\",\"name\":\"I\","
        + "\"email\":\"inactive@example.com\",\"password\":\"x\",\"roles\":[\"livechat-agent\"],\"active\":false}");
    String id = created.json().path("user").path("_id").asText();
    Reply r = server.admin().post("/api/v1/livechat/agent.status", "{\"agentId\":\"" + id + "\"}");
    assertEquals("{\"success\":false,\"error\":\"error-user-deactivated\"}", r.body());
  }

  @Test
  void anUnknownAvailabilityIsRefusedAsRocketChatsAjvDoes() {
    Reply r = server.as("agent").post("/api/v1/livechat/agent.status", "{\"status\":\"busy\"}");
    assertEquals(400, r.status());
    assertEquals("invalid-params", r.json().path("errorType").asText());
  }
}
