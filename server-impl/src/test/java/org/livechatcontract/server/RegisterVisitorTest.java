package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code POST /api/v1/livechat/visitor}: behaviour-doc §5.1 and the [T] cases of §7.2. */
class RegisterVisitorTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  Reply register(String json) {
    return server.api().post("/api/v1/livechat/visitor", json);
  }

  String unique() {
    return "v-" + server.state().ids().id();
  }

  @Test
  void anEmptyBodyLacksTheVisitorKey() {
    Reply r = register("{}");
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"Match error: Missing key 'visitor'\"}", r.body());
  }

  @Test
  void anEmptyVisitorLacksTheToken() {
    Reply r = register("{\"visitor\":{}}");
    assertEquals(400, r.status());
    assertEquals("Match error: Missing key 'token' in field visitor", r.error());
  }

  @Test
  void anEmptyOrBlankTokenIsRefusedWithTheMeteorError() {
    for (String token : new String[] {"", "   "}) {
      Reply r = register("{\"visitor\":{\"token\":\"" + token + "\"}}");
      assertEquals(400, r.status());
      assertEquals("{\"success\":false,\"error\":\"Token cannot be empty [error-invalid-token]\","
          + "\"errorType\":\"error-invalid-token\",\"details\":{\"method\":\"livechat/visitor\"}}", r.body());
    }
  }

  @Test
  void aKeyBesideVisitorIsUnknownButExtraKeysInsideVisitorAreAccepted() {
    Reply top = register("{\"visitor\":{\"token\":\"" + unique() + "\"},\"extra\":1}");
    assertEquals("Match error: Unknown key in field extra", top.error());
    Reply inside = register("{\"visitor\":{\"token\":\"" + unique() + "\",\"connectionData\":{\"a\":1},\"id\":\"x\"}}");
    assertEquals(200, inside.status());
  }

  @Test
  void aTokenOfTheWrongTypeIsAMatchError() {
    assertEquals("Match error: Expected string, got number in field visitor.token",
        register("{\"visitor\":{\"token\":42}}").error());
    assertEquals("Match error: Expected string, got boolean in field visitor.name",
        register("{\"visitor\":{\"token\":\"a\",\"name\":true}}").error());
  }

  @Test
  void aNewVisitorIsOnlineWithAGuestUsername() {
    String token = unique();
    Reply r = register("{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"Mary\",\"email\":\"Mary@Example.com\",\"phone\":\"+15550100\"}}");
    assertEquals(200, r.status());
    JsonNode v = r.json().path("visitor");
    assertEquals(token, v.path("token").asText());
    assertEquals("online", v.path("status").asText());
    assertEquals("Mary", v.path("name").asText());
    assertTrue(v.path("username").asText().matches("guest-\\d+"), v.toString());
    assertEquals("mary@example.com", v.path("visitorEmails").get(0).path("address").asText());
    assertEquals("+15550100", v.path("phone").get(0).path("phoneNumber").asText());
    assertEquals(17, v.path("_id").asText().length());
  }

  @Test
  void guestNumbersCountUp() {
    int a = Integer.parseInt(register("{\"visitor\":{\"token\":\"" + unique() + "\"}}").json()
        .path("visitor").path("username").asText().substring(6));
    int b = Integer.parseInt(register("{\"visitor\":{\"token\":\"" + unique() + "\"}}").json()
        .path("visitor").path("username").asText().substring(6));
    assertEquals(a + 1, b);
  }

  @Test
  void theSameTokenUpdatesTheVisitorAndKeepsItsIdentity() {
    String token = unique();
    JsonNode first = register("{\"visitor\":{\"token\":\"" + token + "\"}}").json().path("visitor");
    JsonNode second = register("{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"Renamed\"}}").json().path("visitor");
    assertEquals(first.path("_id"), second.path("_id"));
    assertEquals(first.path("username"), second.path("username"));
    assertEquals(token, second.path("token").asText());
    assertEquals("Renamed", second.path("name").asText());
    assertEquals("online", second.path("status").asText());
  }

  @Test
  void theSamePhoneWithANewTokenReturnsTheOldToken() {
    String phone = "+1555" + System.nanoTime() % 1_000_000;
    String oldToken = unique();
    register("{\"visitor\":{\"token\":\"" + oldToken + "\",\"phone\":\"" + phone + "\"}}");
    Reply r = register("{\"visitor\":{\"token\":\"" + unique() + "\",\"phone\":\"" + phone + "\"}}");
    assertEquals(200, r.status());
    assertEquals(oldToken, r.json().path("visitor").path("token").asText());
  }

  @Test
  void theSameEmailWithANewTokenReusesTheVisitor() {
    String email = unique().toLowerCase() + "@example.com";
    JsonNode first = register("{\"visitor\":{\"token\":\"" + unique() + "\",\"email\":\"" + email + "\"}}").json();
    JsonNode second = register("{\"visitor\":{\"token\":\"" + unique() + "\",\"email\":\"" + email + "\"}}").json();
    assertEquals(first.path("visitor").path("_id"), second.path("visitor").path("_id"));
  }

  @Test
  void anUnknownDepartmentIsRefusedAndAKnownOneIsStoredById() {
    Reply bad = register("{\"visitor\":{\"token\":\"" + unique() + "\",\"department\":\"nope\"}}");
    assertEquals(400, bad.status());
    assertEquals("The provided department is invalid [error-invalid-department]", bad.error());
    assertEquals("error-invalid-department", bad.json().path("errorType").asText());
    String sales = server.createDepartment("Sales");
    Reply byName = register("{\"visitor\":{\"token\":\"" + unique() + "\",\"department\":\"Sales\"}}");
    assertEquals(sales, byName.json().path("visitor").path("department").asText());
  }

  @Test
  void anInvalidEmailIsRefused() {
    Reply r = register("{\"visitor\":{\"token\":\"" + unique() + "\",\"email\":\"not-an-email\"}}");
    assertEquals(400, r.status());
    assertEquals("error-invalid-email", r.json().path("errorType").asText());
  }

  @Test
  void aNewNameIsShownOnTheVisitorsOpenRoom() {
    String token = unique();
    register("{\"visitor\":{\"token\":\"" + token + "\"}}");
    JsonNode room = server.api().get("/api/v1/livechat/room?token=" + token).json().path("room");
    assertNotEquals("Ann", room.path("fname").asText());
    register("{\"visitor\":{\"token\":\"" + token + "\",\"name\":\"Ann\"}}");
    JsonNode again = server.api().get("/api/v1/livechat/room?token=" + token).json();
    assertFalse(again.path("newRoom").asBoolean());
    assertEquals("Ann", again.path("room").path("fname").asText());
  }
}
