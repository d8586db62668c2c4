package org.livechatcontract.server.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.store.InMemoryStore;

/** Closing a room: the effects of behaviour-doc §2.2, and the open-chat counts routing relies on. */
class RoomClosingTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  final Livechat state = new Livechat(new InMemoryStore(), Ids.seeded(7), clock);
  final User agent = new User("agent-id-00000001", "agent", "Agent", null, null,
      Set.of(Roles.LIVECHAT_AGENT), Status.ONLINE, Status.ONLINE, AgentStatus.AVAILABLE, true, List.of(), clock.instant());

  Room openRoom(String token) {
    state.visitors().register(new VisitorService.Registration(token, null, null, null, null, null));
    return state.rooms().getOrCreate(token, null, null, Room.Source.API).room();
  }

  @Test
  void aClosedRoomLosesOpenGainsClosingFieldsAndShowsTheVisitorOffline() {
    state.store().saveUser(agent);
    Room room = openRoom("tok-1");
    clock.advance(Duration.ofMillis(90_500));
    Room closed = state.rooms().close(room, "visitor", room.visitor().id(), room.visitor().username());
    assertFalse(closed.open());
    assertEquals(Instant.parse("2026-01-01T10:01:30.500Z"), closed.closing().closedAt());
    assertEquals("visitor", closed.closing().closer());
    assertEquals(room.visitor().id(), closed.closing().closedById());
    assertEquals(Status.OFFLINE, closed.visitor().status());
    assertEquals(90.5, closed.metrics().chatDuration());
    assertEquals(90.5, closed.metrics().serviceTimeDuration());
    assertEquals(closed, state.store().roomById(room.id()).orElseThrow());
    assertTrue(state.store().openRoomsByVisitorToken("tok-1").isEmpty());
  }

  @Test
  void anUnservedRoomHasNoServiceTime() {
    state.settings().set(Settings.ACCEPT_CHATS_WITH_NO_AGENTS, true);
    Room room = openRoom("tok-2");
    assertNull(room.servedBy());
    Room closed = state.rooms().close(room, "visitor", room.visitor().id(), room.visitor().username());
    assertNull(closed.metrics().serviceTimeDuration());
  }

  @Test
  void closingTwiceIsRoomClosed() {
    state.store().saveUser(agent);
    Room room = openRoom("tok-3");
    state.rooms().close(room, "visitor", room.visitor().id(), room.visitor().username());
    LivechatError e = assertThrows(LivechatError.class,
        () -> state.rooms().close(room, "visitor", room.visitor().id(), room.visitor().username()));
    assertEquals("room-closed", e.errorText());
  }

  @Test
  void closingFreesTheAgentsOpenChatCount() {
    state.store().saveUser(agent);
    Room a = openRoom("tok-4");
    openRoom("tok-5");
    assertEquals(2, state.store().openRoomCountByAgent(agent.id()));
    state.rooms().close(a, "user", agent.id(), agent.username());
    assertEquals(1, state.store().openRoomCountByAgent(agent.id()));
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
