package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.Secrets;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code POST login}, {@code POST logout}, {@code GET me}: behaviour-doc §5.8. */
class AuthenticationTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final String UNAUTHORIZED =
      "{\"success\":false,\"error\":\"Unauthorized\",\"status\":\"error\",\"message\":\"Unauthorized\"}";

  Reply login(String json) {
    return server.api().post("/api/v1/login", json);
  }

  @Test
  void loginAnswersUserIdAuthTokenAndMeWithUsername() {
    Reply r = login("{\"user\":\"manager\",\"password\":\"manager\"}");
    assertEquals(200, r.status());
    JsonNode body = r.json();
    assertEquals("success", body.path("status").asText());
    assertTrue(body.path("success").asBoolean());
    JsonNode data = body.path("data");
    User manager = server.state().store().userByUsername("manager").orElseThrow();
    assertEquals(manager.id(), data.path("userId").asText());
    assertEquals(43, data.path("authToken").asText().length());
    assertEquals("manager", data.path("me").path("username").asText(), "the SDK reads data.me.username");
    assertTrue(data.path("me").path("roles").toString().contains("livechat-manager"));
  }

  @Test
  void theUserFieldMayBeAnEmailAndUsernameOrEmailFieldsWorkToo() {
    assertEquals(200, login("{\"user\":\"agent@livechat.local\",\"password\":\"agent\"}").status());
    assertEquals(200, login("{\"username\":\"agent\",\"password\":\"agent\"}").status());
    assertEquals(200, login("{\"email\":\"AGENT@livechat.local\",\"password\":\"agent\"}").status());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSame401() {
    Reply wrong = login("{\"user\":\"manager\",\"password\":\"nope\"}");
    Reply unknown = login("{\"user\":\"nobody\",\"password\":\"nope\"}");
    Reply noPassword = login("{\"user\":\"manager\"}");
    for (Reply r : List.of(wrong, unknown, noPassword)) {
      assertEquals(401, r.status());
      assertEquals(UNAUTHORIZED, r.body());
    }
  }

  @Test
  void loginTokensAreStoredOnlyAsHashes() {
    Api.Session s = server.api().login("admin", "admin");
    User admin = server.state().store().userByUsername("admin").orElseThrow();
    assertFalse(admin.loginTokens().contains(s.authToken()));
    assertTrue(admin.loginTokens().contains(Secrets.hashToken(s.authToken())));
    assertNotEquals("admin", admin.passwordHash());
  }

  @Test
  void meAnswersTheLoggedInUser() {
    Api admin = server.api().as(server.api().login("admin", "admin"));
    Reply r = admin.get("/api/v1/me");
    assertEquals(200, r.status());
    assertEquals("admin", r.json().path("username").asText());
    assertTrue(r.json().path("success").asBoolean());
    assertEquals(401, server.api().get("/api/v1/me").status());
  }

  @Test
  void logoutEndsOnlyTheSessionItWasCalledWith() {
    Api first = server.api().as(server.api().login("agent", "agent"));
    Api second = server.api().as(server.api().login("agent", "agent"));
    Reply out = first.post("/api/v1/logout", null);
    assertEquals(200, out.status());
    assertEquals("{\"status\":\"success\",\"data\":{\"message\":\"You've been logged out!\"},\"success\":true}", out.body());
    assertEquals(401, first.get("/api/v1/me").status());
    assertEquals(200, second.get("/api/v1/me").status());
    assertEquals(401, first.post("/api/v1/logout", null).status());
  }

  @Test
  void aResumeTokenLogsInAgain() {
    Api.Session s = server.api().login("manager", "manager");
    Reply r = login("{\"resume\":\"" + s.authToken() + "\"}");
    assertEquals(200, r.status());
    assertEquals(s.userId(), r.json().path("data").path("userId").asText());
    assertEquals(401, login("{\"resume\":\"not-a-token\"}").status());
  }

  @Test
  void anUnknownLoginKeyIsAMatchError() {
    Reply r = login("{\"user\":\"manager\",\"password\":\"manager\",\"remember\":true}");
    assertEquals(400, r.status());
    assertEquals("Match error: Unknown key in field remember", r.error());
  }
}
