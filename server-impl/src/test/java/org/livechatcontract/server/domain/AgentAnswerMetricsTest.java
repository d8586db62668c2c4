package org.livechatcontract.server.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.store.InMemoryStore;

/**
 * The response bookkeeping of an agent's answer, on a clock the test moves: Rocket.Chat's
 * {@code markRoomResponded}, {@code markRoomNotResponded} and {@code saveAnalyticsData} hooks.
 * The room opens at 10:00:00 and its agent is assigned at once.
 */
class AgentAnswerMetricsTest {
  static final Instant OPENED = Instant.parse("2026-01-01T10:00:00Z");

  final RoomClosingTest.MutableClock clock = new RoomClosingTest.MutableClock(OPENED);
  final Livechat state = new Livechat(new InMemoryStore(), Ids.seeded(11), clock);
  final User agent = new User("agent-id-00000001", "agent", "Agent", null, null,
      Set.of(Roles.LIVECHAT_AGENT), Status.ONLINE, Status.ONLINE, AgentStatus.AVAILABLE, true, List.of(), OPENED);
  Room room;

  @BeforeEach
  void openRoom() {
    state.store().saveUser(agent);
    state.visitors().register(new VisitorService.Registration("tok", null, null, null, null, null));
    room = state.rooms().getOrCreate("tok", null, null, Room.Source.API).room();
  }

  void at(String time) {
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-01-01T" + time + "Z")));
  }

  void visitorSays(String time) {
    at(time);
    state.messages().sendVisitorMessage("tok", room.id(), "question", null);
  }

  void agentSays(String time) {
    at(time);
    state.agentActions().answer(agent, new AgentActions.Answer(room.id(), "answer", null, null));
  }

  Room now() {
    return state.store().roomById(room.id()).orElseThrow();
  }

  static Instant t(String time) {
    return Instant.parse("2026-01-01T" + time + "Z");
  }

  @Test
  void theFirstAnswerCountsFromTheVisitorsFirstUnansweredMessageAndTheReactionFromTheAssignment() {
    visitorSays("10:00:10");
    visitorSays("10:00:15");
    agentSays("10:00:35");
    Room.Metrics m = now().metrics();
    assertEquals(t("10:00:10"), m.visitorLastQuery());
    assertEquals(t("10:00:35"), m.agentLastReply());
    assertEquals(new Room.Metrics.Response(25.0, t("10:00:35"), 25.0, 1, 25.0), m.response());
    assertEquals(new Room.Metrics.Reaction(t("10:00:35"), 35.0, 35.0), m.reaction());
  }

  @Test
  void theFirstAnswerSetsResponseByAndEndsTheWait() {
    visitorSays("10:00:10");
    agentSays("10:00:35");
    assertFalse(now().waitingResponse());
    assertEquals(new Room.ResponseBy(agent.id(), "agent", t("10:00:35"), t("10:00:35")), now().responseBy());
  }

  @Test
  void aFollowUpBeforeTheVisitorWritesMovesOnlyResponseBysLastMessageTs() {
    visitorSays("10:00:10");
    agentSays("10:00:35");
    Room.Metrics before = now().metrics();
    agentSays("10:00:38");
    assertEquals(before, now().metrics());
    assertEquals(new Room.ResponseBy(agent.id(), "agent", t("10:00:35"), t("10:00:38")), now().responseBy());
  }

  @Test
  void theNextAnswerAddsToTheTotalAndTheAverageButKeepsTheFirsts() {
    visitorSays("10:00:10");
    agentSays("10:00:35");
    visitorSays("10:00:50");
    assertTrue(now().waitingResponse());
    assertNull(now().responseBy());
    agentSays("10:00:58");
    Room.Metrics m = now().metrics();
    assertEquals(t("10:00:50"), m.visitorLastQuery());
    assertEquals(t("10:00:58"), m.agentLastReply());
    assertEquals(new Room.Metrics.Response(16.5, t("10:00:35"), 25.0, 2, 33.0), m.response());
    assertEquals(new Room.Metrics.Reaction(t("10:00:35"), 35.0, 43.0), m.reaction());
    assertEquals(new Room.ResponseBy(agent.id(), "agent", t("10:00:58"), t("10:00:58")), now().responseBy());
  }

  @Test
  void anAnswerBeforeTheVisitorWroteCountsFromTheRoomsOpeningAndRecordsNoReply() {
    agentSays("10:00:04");
    Room.Metrics m = now().metrics();
    assertEquals(new Room.Metrics.Response(4.0, t("10:00:04"), 4.0, 1, 4.0), m.response());
    assertNull(m.agentLastReply());
    // with no reply recorded, Rocket.Chat counts the next answer as a first response again
    agentSays("10:00:06");
    assertEquals(new Room.Metrics.Response(5.0, t("10:00:06"), 6.0, 2, 10.0), now().metrics().response());
  }

  @Test
  void aResponseTimeOfZeroRecordsNoFirsts() {
    visitorSays("10:00:10");
    agentSays("10:00:10");
    Room.Metrics m = now().metrics();
    assertEquals(new Room.Metrics.Response(0.0, null, null, 1, 0.0), m.response());
    assertEquals(new Room.Metrics.Reaction(null, null, 10.0), m.reaction());
  }
}
