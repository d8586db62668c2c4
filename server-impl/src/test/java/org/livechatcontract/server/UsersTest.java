package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code POST users.create} and {@code POST users.setStatus}. */
class UsersTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static String newUser(String username) {
    return "{\"username\":\"" + username + "\",\"name\":\"Ann\",\"email\":\"" + username + "@example.com\",\"password\":\"pw\"}";
  }

  Reply create(Api as, String body) {
    return as.post("/api/v1/users.create", body);
  }

  @Test
  void anAdminCreatesAUserWhoCanLogInWithTheGivenPassword() {
    Reply r = create(server.admin(), "{\"username\":\"ann\",\"name\":\"Ann Agent\",\"email\":\"Ann@Example.com\","
        + "\"password\":\"secret\",\"roles\":[\"user\",\"livechat-agent\"]}");
    assertEquals(200, r.status());
    JsonNode user = r.json().path("user");
    assertEquals("ann", user.path("username").asText());
    assertEquals("ann@example.com", user.path("emails").get(0).path("address").asText());
    assertEquals("offline", user.path("status").asText());
    assertEquals("not-available", user.path("statusLivechat").asText());
    List<String> roles = new ArrayList<>();
    user.path("roles").forEach(n -> roles.add(n.asText()));
    assertEquals(List.of("livechat-agent", "user"), roles);
    assertEquals(user.path("_id").asText(), server.api().login("ann", "secret").userId());
  }

  @Test
  void withoutRolesTheUserIsAPlainUser() {
    JsonNode user = create(server.admin(), newUser("plain-user")).json().path("user");
    assertEquals("[\"user\"]", user.path("roles").toString());
    assertFalse(user.has("statusLivechat"));
  }

  @Test
  void aManagerMayNotCreateUsersAndGetsRocketChatsHandlerError() {
    Reply r = create(server.as("manager"), newUser("by-manager"));
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"Adding user is not allowed [error-action-not-allowed]\","
        + "\"errorType\":\"error-action-not-allowed\",\"details\":{\"method\":\"insertOrUpdateUser\"}}", r.body());
  }

  @Test
  void withoutCredentialsItIs401() {
    assertEquals(401, create(server.api(), newUser("anonymous")).status());
  }

  @Test
  void aTakenUsernameOrEmailIsRefused() {
    assertEquals(200, create(server.admin(), newUser("taken")).status());
    Reply username = create(server.admin(), newUser("TAKEN").replace("TAKEN@", "other@"));
    assertEquals("TAKEN is already in use :( [error-field-unavailable]", username.error());
    Reply email = create(server.admin(), newUser("taken2").replace("taken2@", "taken@"));
    assertEquals("taken@example.com is already in use :( [error-field-unavailable]", email.error());
  }

  @Test
  void anInvalidUsernameEmailOrRoleIsRefused() {
    assertEquals("ann smith is not a valid username [error-input-is-not-a-valid-field]",
        create(server.admin(), newUser("ann smith")).error());
    assertEquals("Invalid email not-an-email [error-invalid-email]",
        create(server.admin(), newUser("bad-email").replace("bad-email@example.com", "not-an-email")).error());
    Reply role = create(server.admin(), newUser("bad-role").replace("}", ",\"roles\":[\"wizard\"]}"));
    assertEquals("Invalid role [error-invalid-role]", role.error());
  }

  @Test
  void theBodyIsValidatedAsRocketChatsAjvDoes() {
    Reply missing = create(server.admin(), "{\"username\":\"x\",\"name\":\"x\",\"password\":\"x\"}");
    assertEquals("{\"success\":false,\"error\":\"must have required property 'email' [invalid-params]\","
        + "\"errorType\":\"invalid-params\"}", missing.body());
    Reply unknown = create(server.admin(), newUser("unknown-key").replace("}", ",\"colour\":\"blue\"}"));
    assertEquals("must NOT have additional properties [invalid-params]", unknown.error());
  }

  // users.setStatus

  @Test
  void aUserSetsTheirOwnStatus() {
    create(server.admin(), newUser("self-status"));
    Api self = server.api().as(server.api().login("self-status", "pw"));
    assertEquals("{\"success\":true}", self.post("/api/v1/users.setStatus", "{\"message\":\"\",\"status\":\"away\"}").body());
    assertEquals("away", self.get("/api/v1/me").json().path("status").asText());
  }

  @Test
  void anAdminSetsAnotherUsersStatusByUsernameOrId() {
    String id = create(server.admin(), newUser("other-status")).json().path("user").path("_id").asText();
    server.admin().post("/api/v1/users.setStatus", "{\"username\":\"other-status\",\"status\":\"busy\"}");
    Api other = server.api().as(server.api().login("other-status", "pw"));
    assertEquals("busy", other.get("/api/v1/me").json().path("status").asText());
    server.admin().post("/api/v1/users.setStatus", "{\"userId\":\"" + id + "\",\"status\":\"online\"}");
    assertEquals("online", other.get("/api/v1/me").json().path("status").asText());
  }

  @Test
  void changingAnotherUsersStatusNeedsEditOtherUserInfo() {
    Reply r = server.as("agent").post("/api/v1/users.setStatus", "{\"username\":\"manager\",\"status\":\"offline\"}");
    assertEquals(403, r.status());
    assertEquals("{\"success\":false,\"error\":\"unauthorized\"}", r.body());
  }

  @Test
  void anUnknownStatusOrUserIsRefused() {
    Reply status = server.admin().post("/api/v1/users.setStatus", "{\"status\":\"sleeping\"}");
    assertEquals("Valid status types include online, away, offline, and busy. [error-invalid-status]", status.error());
    Reply user = server.admin().post("/api/v1/users.setStatus", "{\"username\":\"nobody-at-all\",\"status\":\"online\"}");
    assertEquals("error-invalid-user", user.json().path("errorType").asText());
  }

  @Test
  void aStatusOfTheWrongTypeIsAMatchError() {
    Reply r = server.admin().post("/api/v1/users.setStatus", "{\"status\":1}");
    assertEquals("Match error: Expected string, got number in field status", r.error());
  }
}
