package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code POST permissions.update}, and that the guards follow it (behaviour-doc §1.6). */
class PermissionsTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String PATH = "/api/v1/permissions.update";

  static Reply update(String permission, String rolesJson) {
    return server.admin().post(PATH, "{\"permissions\":[{\"_id\":\"" + permission + "\",\"roles\":" + rolesJson + "}]}");
  }

  @Test
  void theAnswerListsEveryPermissionWithItsRoles() {
    Reply r = update("view-l-room", "[\"livechat-manager\",\"livechat-monitor\",\"livechat-agent\",\"admin\"]");
    assertEquals(200, r.status());
    JsonNode viewLRoom = null;
    for (JsonNode p : r.json().path("permissions")) {
      if (p.path("_id").asText().equals("view-l-room")) {
        viewLRoom = p;
      }
    }
    assertEquals("[\"admin\",\"livechat-agent\",\"livechat-manager\",\"livechat-monitor\"]", viewLRoom.path("roles").toString());
    assertEquals(17, r.json().path("permissions").size());
  }

  @Test
  void takingAPermissionFromARoleClosesTheEndpointsThatNeedIt() {
    assertEquals(200, server.as("manager").get("/api/v1/livechat/visitor/x/room").status());
    update("view-livechat-manager", "[\"admin\"]");
    try {
      assertEquals(403, server.as("manager").get("/api/v1/livechat/visitor/x/room").status());
      assertEquals(200, server.admin().get("/api/v1/livechat/visitor/x/room").status());
    } finally {
      update("view-livechat-manager", "[\"livechat-manager\",\"livechat-monitor\",\"admin\"]");
    }
  }

  @Test
  void anUnknownPermissionOrRoleChangesNothing() {
    assertEquals("{\"success\":false,\"error\":\"Invalid permission\",\"errorType\":\"error-invalid-permission\"}",
        update("fly", "[\"admin\"]").body());
    assertEquals("{\"success\":false,\"error\":\"Invalid role\",\"errorType\":\"error-invalid-role\"}",
        update("view-l-room", "[\"wizard\"]").body());
    assertEquals(200, server.as("agent").get("/api/v1/livechat/inquiries.queued").status());
  }

  @Test
  void theBodyIsValidatedAsRocketChatsRouterDoes() {
    assertEquals("{\"success\":false,\"error\":\"must have required property 'permissions'\","
        + "\"errorType\":\"error-invalid-params\"}", server.admin().post(PATH, "{}").body());
  }

  @Test
  void onlyAdminsMayChangePermissions() {
    assertEquals(403, server.as("manager").post(PATH, "{\"permissions\":[]}").status());
  }
}
