package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** {@code GET /api/v1/livechat/room}: behaviour-doc §3.2, §3.5 and §2.2. */
class GetLivechatRoomTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static final Pattern JS_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

  Reply room(String query, String... headers) {
    return server.api().get("/api/v1/livechat/room" + query, headers);
  }

  @Test
  void withoutTokenAnswersTheMatchErrorForTheMissingKey() {
    Reply r = room("");
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"Match error: Missing key 'token'\"}", r.body());
  }

  @Test
  void anUnknownTokenIsInvalidToken() {
    Reply r = room("?token=no-such-visitor");
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"invalid-token\"}", r.body());
  }

  @Test
  void anEmptyTokenIsInvalidToken() {
    Reply r = room("?token=");
    assertEquals(400, r.status());
    assertEquals("invalid-token", r.error());
  }

  @Test
  void aNewRoomHasTheFieldsRocketChatWritesAndIsServedByTheOnlineAgent() {
    String token = server.newVisitor();
    Reply r = room("?token=" + token);
    assertEquals(200, r.status());
    JsonNode body = r.json();
    assertTrue(body.path("newRoom").asBoolean());
    assertTrue(body.path("success").asBoolean());
    JsonNode room = body.path("room");
    assertEquals(17, room.path("_id").asText().length());
    assertEquals("l", room.path("t").asText());
    assertTrue(room.path("open").asBoolean());
    assertFalse(room.path("cl").asBoolean());
    assertEquals(0, room.path("msgs").asInt());
    assertEquals(2, room.path("usersCount").asInt(), "the visitor and the assigned agent");
    assertTrue(room.path("waitingResponse").asBoolean());
    assertEquals("api", room.path("source").path("type").asText());
    assertEquals(token, room.path("v").path("token").asText());
    assertEquals("online", room.path("v").path("status").asText());
    assertTrue(room.path("v").path("username").asText().startsWith("guest-"));
    assertEquals(room.path("v").path("username").asText(), room.path("fname").asText(), "no name: fname is the username");
    for (String field : List.of("ts", "_updatedAt", "lm", "queuedAt")) {
      assertTrue(JS_DATE.matcher(room.path(field).asText()).matches(), field + " = " + room.path(field));
    }
    JsonNode servedBy = room.path("servedBy");
    assertEquals("agent", servedBy.path("username").asText());
    assertEquals(server.state().store().userByUsername("agent").orElseThrow().id(), servedBy.path("_id").asText());
    assertTrue(JS_DATE.matcher(servedBy.path("ts").asText()).matches());
  }

  @Test
  void aSecondCallReturnsTheSameRoomWithNewRoomFalse() {
    String token = server.newVisitor();
    Reply first = room("?token=" + token);
    Reply second = room("?token=" + token);
    assertEquals(200, second.status());
    assertEquals(first.json().path("room").path("_id"), second.json().path("room").path("_id"));
    assertFalse(second.json().path("newRoom").asBoolean());
  }

  @Test
  void ridSelectsTheVisitorsOpenRoom() {
    String token = server.newVisitor();
    String rid = room("?token=" + token).json().path("room").path("_id").asText();
    Reply r = room("?token=" + token + "&rid=" + rid);
    assertEquals(200, r.status());
    assertEquals(rid, r.json().path("room").path("_id").asText());
    assertFalse(r.json().path("newRoom").asBoolean());
  }

  @Test
  void anUnknownRidIsInvalidRoomAndCreatesNothing() {
    String token = server.newVisitor();
    long before = server.state().store().roomCount();
    Reply r = room("?token=" + token + "&rid=invalid-rid");
    assertEquals(400, r.status());
    assertEquals("{\"success\":false,\"error\":\"invalid-room\"}", r.body());
    assertEquals(before, server.state().store().roomCount());
  }

  @Test
  void anotherVisitorsRoomIsInvalidRoom() {
    String mine = server.newVisitor();
    String theirs = server.newVisitor();
    String theirRoom = room("?token=" + theirs).json().path("room").path("_id").asText();
    Reply r = room("?token=" + mine + "&rid=" + theirRoom);
    assertEquals(400, r.status());
    assertEquals("invalid-room", r.error());
  }

  @Test
  void aClosedRoomIsInvalidRoomAndTheNextCallOpensANewOne() {
    String token = server.newVisitor();
    String rid = room("?token=" + token).json().path("room").path("_id").asText();
    server.closeRoom(rid);
    Reply byRid = room("?token=" + token + "&rid=" + rid);
    assertEquals(400, byRid.status());
    assertEquals("invalid-room", byRid.error());
    Reply fresh = room("?token=" + token);
    assertEquals(200, fresh.status());
    assertTrue(fresh.json().path("newRoom").asBoolean());
    assertNotEquals(rid, fresh.json().path("room").path("_id").asText());
  }

  @Test
  void anUnknownAgentIdIsIgnored() {
    String token = server.newVisitor();
    Reply r = room("?token=" + token + "&agentId=nobody-has-this-id");
    assertEquals(200, r.status());
    assertEquals("agent", r.json().path("room").path("servedBy").path("username").asText());
  }

  @Test
  void aRequestedOnlineAgentServesTheRoomAndAnOfflineOneIsPassedOver() {
    User online = server.addAgent("requested-online", Status.ONLINE, AgentStatus.AVAILABLE);
    User offline = server.addAgent("requested-offline", Status.OFFLINE, AgentStatus.AVAILABLE);
    Reply served = room("?token=" + server.newVisitor() + "&agentId=" + online.id());
    assertEquals(online.id(), served.json().path("room").path("servedBy").path("_id").asText());
    Reply passedOver = room("?token=" + server.newVisitor() + "&agentId=" + offline.id());
    assertEquals(200, passedOver.status());
    assertNotEquals(offline.id(), passedOver.json().path("room").path("servedBy").path("_id").asText());
    server.setPresence("requested-online", Status.OFFLINE, Status.OFFLINE, AgentStatus.NOT_AVAILABLE);
  }

  @Test
  void theWidgetCookiesMarkTheSourceAsWidgetWithTheHost() {
    String token = server.newVisitor();
    Reply r = room("?token=" + token, "Cookie", "rc_room_type=l; rc_is_widget=t");
    JsonNode source = r.json().path("room").path("source");
    assertEquals("widget", source.path("type").asText());
    assertEquals("127.0.0.1:" + server.port(), source.path("destination").asText());
  }

  @Test
  void oneWidgetCookieAloneIsNotAWidget() {
    Reply r = room("?token=" + server.newVisitor(), "Cookie", "rc_is_widget=t");
    assertEquals("api", r.json().path("room").path("source").path("type").asText());
  }

  @Test
  void aParameterTheOperationDoesNotDeclareIsAnUnknownKey() {
    Reply r = room("?token=" + server.newVisitor() + "&departmentId=x");
    assertEquals(400, r.status());
    assertEquals("Match error: Unknown key in field departmentId", r.error());
  }

  @Test
  void aRepeatedOrArrayParameterIsNotAString() {
    for (String q : List.of("?token=a&token=b", "?token[]=a", "?token[0]=a", "?rid[x]=1&token=a")) {
      Reply r = room(q);
      assertEquals(400, r.status(), q);
      String field = q.contains("rid") ? "rid" : "token";
      assertEquals("Match error: Expected string, got object in field " + field, r.error(), q);
    }
  }

  @Test
  void auto_selectionSpreadsNewRoomsOverTheLeastBusyOnlineAgents() {
    // A fresh pair of agents; everyone else goes offline for the length of the test.
    Set<String> others = Set.of("agent", "requested-online");
    others.forEach(u -> server.state().store().userByUsername(u)
        .ifPresent(x -> server.setPresence(u, Status.OFFLINE, Status.OFFLINE, AgentStatus.NOT_AVAILABLE)));
    User a = server.addAgent("spread-a", Status.ONLINE, AgentStatus.AVAILABLE);
    User b = server.addAgent("spread-b", Status.ONLINE, AgentStatus.AVAILABLE);
    try {
      List<String> servedBy = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        servedBy.add(room("?token=" + server.newVisitor()).json().path("room").path("servedBy").path("_id").asText());
      }
      assertEquals(3, servedBy.stream().filter(a.id()::equals).count(), servedBy.toString());
      assertEquals(3, servedBy.stream().filter(b.id()::equals).count(), servedBy.toString());
    } finally {
      server.setPresence("spread-a", Status.OFFLINE, Status.OFFLINE, AgentStatus.NOT_AVAILABLE);
      server.setPresence("spread-b", Status.OFFLINE, Status.OFFLINE, AgentStatus.NOT_AVAILABLE);
      server.setPresence("agent", Status.ONLINE, Status.ONLINE, AgentStatus.AVAILABLE);
    }
  }
}
