package org.livechatcontract.server.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;
import org.livechatcontract.server.support.SecretTraffic;

/** The request journal: what came in and went out, filterable, and never a token or a password. */
class RequestJournalTest {
  private static final String JOURNAL = "/api/v1/stub/journal";

  @RegisterExtension
  static final LiveServer server = new LiveServer(c -> c.withStub(StubOptions.defaults().withJournalSize(50)));

  private static Api admin;

  @BeforeAll
  static void logIn() {
    admin = server.freshAdmin();
  }

  @Test
  void theJournalNeverContainsATokenOrAPassword() {
    assertEquals(200, admin.send("DELETE", JOURNAL, null, null).status());
    SecretTraffic traffic = SecretTraffic.send(server);

    Reply journal = admin.get(JOURNAL);
    assertEquals(SecretTraffic.REQUESTS, journal.json().path("entries").size(), journal.body());
    for (String secret : traffic.secrets()) {
      assertFalse(journal.body().contains(secret), "the journal holds " + secret + ": " + journal.body());
    }
    JsonNode rooms = journal.json().path("entries").get(4);
    assertEquals("/api/v1/livechat/visitor/***/room", rooms.path("path").asText(), rooms.toString());
    assertEquals("***", rooms.path("requestHeaders").path("X-Auth-Token").asText(), rooms.toString());
    JsonNode notJson = journal.json().path("entries").get(1);
    assertTrue(notJson.path("requestBody").asText().contains("not JSON: not recorded"), notJson.toString());
  }

  @Test
  void theJournalRecordsRequestAndAnswerNewestFirst() {
    String token = server.newVisitor();
    Reply room = server.api().get("/api/v1/livechat/room?token=" + token + "&agentId=nobody");
    JsonNode e = admin.get(JOURNAL + "?limit=1").json().path("entries").get(0);
    assertEquals("GET", e.path("method").asText());
    assertEquals("/api/v1/livechat/room", e.path("path").asText());
    assertEquals("token=***&agentId=nobody", e.path("query").asText());
    assertEquals(200, e.path("status").asInt());
    assertTrue(e.path("responseBody").asText().contains(room.json().path("room").path("_id").asText()), e.toString());
    assertFalse(e.has("rule"));
  }

  @Test
  void theJournalFiltersByPathAndStatusAndLeavesOutTheAdminApi() {
    server.api().get("/api/v1/livechat/room?token=no-such-visitor");
    server.newVisitor();
    Reply failures = admin.get(JOURNAL + "?status=400&path=/livechat/room");
    assertTrue(failures.json().path("entries").size() >= 1);
    for (JsonNode e : failures.json().path("entries")) {
      assertEquals(400, e.path("status").asInt());
      assertTrue(e.path("path").asText().contains("/livechat/room"));
    }
    for (JsonNode e : admin.get(JOURNAL + "?limit=50").json().path("entries")) {
      assertFalse(e.path("path").asText().startsWith("/api/v1/stub/"), e.toString());
    }
  }

  @Test
  void aFilterThatIsNotANumberOrOutOfRangeIsBadInput() {
    Reply notANumber = admin.get(JOURNAL + "?status=abc");
    assertEquals(400, notANumber.status());
    assertEquals("Match error: Expected integer, got string in field status", notANumber.error());
    assertEquals(400, admin.get(JOURNAL + "?limit=0").status());
    assertEquals(400, admin.get(JOURNAL + "?status=700").status());
    assertEquals(400, admin.get(JOURNAL + "?colour=red").status());
  }

  @Test
  void theJournalKeepsOnlyTheLastEntriesAndCanBeEmptied() {
    for (int i = 0; i < 60; i++) {
      server.api().get("/api/v1/livechat/room?token=nobody-" + i);
    }
    JsonNode entries = admin.get(JOURNAL + "?limit=1000").json().path("entries");
    assertEquals(50, entries.size());
    assertEquals(entries.get(0).path("seq").asLong() - 49, entries.get(49).path("seq").asLong());
    assertEquals(200, admin.send("DELETE", JOURNAL, null, null).status());
    assertEquals(0, admin.get(JOURNAL).json().path("entries").size());
  }
}
