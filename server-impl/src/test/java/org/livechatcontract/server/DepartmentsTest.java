package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code livechat/department} and {@code livechat/department/:_id}. */
class DepartmentsTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String PATH = "/api/v1/livechat/department";

  static String department(String name, boolean enabled, String extra) {
    return LiveServer.department(name, enabled, true, extra);
  }

  static List<String> names(Reply r) {
    List<String> out = new ArrayList<>();
    r.json().path("departments").forEach(d -> out.add(d.path("name").asText()));
    return out;
  }

  @Test
  void aManagerCreatesADepartmentWithItsAgents() {
    String agentId = server.state().store().userByUsername("agent").orElseThrow().id();
    Reply r = server.as("manager").post(PATH, "{\"department\":" + department("Created", true, ",\"description\":\"d\"")
        + ",\"agents\":[{\"agentId\":\"" + agentId + "\",\"count\":2,\"order\":1},{\"agentId\":\"no-such-user\"}]}");
    assertEquals(200, r.status());
    JsonNode d = r.json().path("department");
    assertEquals("Created", d.path("name").asText());
    assertTrue(d.path("enabled").asBoolean());
    assertEquals("d", d.path("description").asText());
    assertEquals(1, d.path("numAgents").asInt());
    JsonNode agents = r.json().path("agents");
    assertEquals(1, agents.size());
    assertEquals("agent", agents.get(0).path("username").asText());
    assertEquals(d.path("_id").asText(), agents.get(0).path("departmentId").asText());
    assertEquals(2, agents.get(0).path("count").asInt());
  }

  @Test
  void creatingNeedsManageLivechatDepartments() {
    Reply r = server.as("agent").post(PATH, "{\"department\":" + department("By Agent", true, "") + "}");
    assertEquals(403, r.status());
  }

  @Test
  void theCreateBodyIsValidatedAsRocketChatsAjvDoes() {
    Reply missing = server.admin().post(PATH, "{\"department\":{\"name\":\"No Email\",\"enabled\":true,"
        + "\"showOnRegistration\":true,\"showOnOfflineForm\":false}}");
    assertEquals("must have required property 'email' [invalid-params]", missing.error());
    Reply unknown = server.admin().post(PATH, "{\"department\":" + department("Extra", true, "") + ",\"colour\":1}");
    assertEquals("must NOT have additional properties [invalid-params]", unknown.error());
    Reply ignored = server.admin().post(PATH, "{\"department\":" + department("Ignored Key", true, ",\"colour\":\"blue\"") + "}");
    assertEquals(200, ignored.status());
  }

  @Test
  void aFallbackDepartmentMustExistAndNotBeTheDepartmentItself() {
    Reply missing = server.admin().post(PATH, "{\"department\":" + department("Bad Fallback", true,
        ",\"fallbackForwardDepartment\":\"nope\"") + "}");
    assertEquals("Fallback department not found [error-fallback-department-not-found]", missing.error());
    String id = server.createDepartment("Self Fallback");
    Reply circular = server.admin().put(PATH + "/" + id, "{\"department\":" + department("Self Fallback", true,
        ",\"fallbackForwardDepartment\":\"" + id + "\"") + "}");
    assertEquals("Cannot save department. Circular reference between fallback department and department "
        + "[error-fallback-department-circular]", circular.error());
  }

  @Test
  void theListIsInCreationOrderAndFilters() {
    server.createDepartment("Filter Bravo");
    server.admin().post(PATH, "{\"department\":" + department("Filter Alpha", false, "") + "}");
    assertEquals(List.of("Filter Bravo", "Filter Alpha"), names(server.admin().get(PATH + "?text=filter")));
    assertEquals(List.of("Filter Bravo"), names(server.admin().get(PATH + "?text=filter&enabled=true")));
    Reply page = server.admin().get(PATH + "?text=filter&count=1&offset=1");
    assertEquals(List.of("Filter Alpha"), names(page));
    assertEquals(2, page.json().path("total").asInt());
  }

  @Test
  void aPlainAgentMayReadDepartmentsButNotTheirAgents() {
    String agentId = server.state().store().userByUsername("agent").orElseThrow().id();
    String id = server.createDepartment("Readable", agentId);
    assertEquals(200, server.as("agent").get(PATH).status());
    JsonNode asAgent = server.as("agent").get(PATH + "/" + id + "?includeAgents=true").json();
    assertEquals("Readable", asAgent.path("department").path("name").asText());
    assertFalse(asAgent.has("agents"));
    JsonNode asManager = server.as("manager").get(PATH + "/" + id + "?includeAgents=true").json();
    assertEquals(1, asManager.path("agents").size());
    assertFalse(server.as("manager").get(PATH + "/" + id).json().has("agents"));
  }

  @Test
  void anUnknownDepartmentIsNoDepartmentNotAnError() {
    assertEquals("{\"success\":true}", server.admin().get(PATH + "/no-such-department").body());
  }

  @Test
  void anUpdateReplacesTheFieldsAndAddsAgents() {
    String agentId = server.state().store().userByUsername("agent").orElseThrow().id();
    String other = server.createUser("dept-update-agent", "user", "livechat-agent");
    String id = server.createDepartment("Before", agentId);
    Reply r = server.admin().put(PATH + "/" + id, "{\"department\":" + department("After", false, "")
        + ",\"agents\":[{\"agentId\":\"" + other + "\"}]}");
    assertEquals(200, r.status());
    assertEquals("After", r.json().path("department").path("name").asText());
    assertFalse(r.json().path("department").path("enabled").asBoolean());
    assertEquals(2, r.json().path("agents").size());
    assertFalse(r.json().path("agents").get(0).path("departmentEnabled").asBoolean());
  }

  @Test
  void anUpdateOfAnUnknownDepartmentIsRefused() {
    Reply r = server.admin().put(PATH + "/nope", "{\"department\":" + department("Nope", true, "") + "}");
    assertEquals("{\"success\":false,\"error\":\"Department not found [error-department-not-found]\","
        + "\"errorType\":\"error-department-not-found\",\"details\":{\"method\":\"livechat:saveDepartment\"}}", r.body());
  }

  @Test
  void theUpdateBodyIsCheckedAsMeteorDoes() {
    String id = server.createDepartment("Checked");
    Reply r = server.admin().put(PATH + "/" + id, "{\"department\":{\"name\":\"Checked\"}}");
    assertTrue(r.error().startsWith("Match error: Missing key '"), r.error());
  }

  @Test
  void updatingWithoutManageLivechatDepartmentsIsNotAllowed() {
    String id = server.createDepartment("Guarded");
    server.admin().post("/api/v1/permissions.update",
        "{\"permissions\":[{\"_id\":\"add-livechat-department-agents\",\"roles\":[\"admin\",\"livechat-agent\"]}]}");
    try {
      Reply r = server.as("agent").put(PATH + "/" + id, "{\"department\":" + department("Guarded", true, "") + "}");
      assertEquals("{\"success\":false,\"error\":\"error-not-allowed\"}", r.body());
    } finally {
      server.admin().post("/api/v1/permissions.update", "{\"permissions\":[{\"_id\":\"add-livechat-department-agents\","
          + "\"roles\":[\"admin\",\"livechat-manager\",\"livechat-monitor\"]}]}");
    }
  }

  @Test
  void deletingIsRefusedUntilDepartmentRemovalIsEnabled() {
    String fallback = server.createDepartment("Removed");
    String referring = server.createDepartmentFrom(department("Referring", true,
        ",\"fallbackForwardDepartment\":\"" + fallback + "\""));
    assertEquals("{\"success\":false,\"error\":\"error-department-removal-disabled\"}",
        server.admin().delete(PATH + "/" + fallback).body());
    server.setSetting("Omnichannel_enable_department_removal", "true");
    try {
      assertEquals("{\"success\":true}", server.admin().delete(PATH + "/" + fallback).body());
      assertEquals("{\"success\":true}", server.admin().get(PATH + "/" + fallback).body());
      assertFalse(server.admin().get(PATH + "/" + referring).json().path("department").has("fallbackForwardDepartment"));
      assertEquals("Department not found [department-not-found]", server.admin().delete(PATH + "/" + fallback).error());
    } finally {
      server.setSetting("Omnichannel_enable_department_removal", "false");
    }
  }

  @Test
  void deletingNeedsManageOrRemovePermission() {
    String id = server.createDepartment("Not Yours");
    assertEquals(403, server.as("agent").delete(PATH + "/" + id).status());
  }
}
