package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.livechatcontract.server.store.LivechatStore;

/** Livechat rooms as a visitor reaches them ({@code GET livechat/room}) and as managers list them. */
public final class RoomService {
  static final int PRIORITY_NOT_SPECIFIED = 99;
  static final int DEFAULT_ESTIMATED_WAITING_TIME_QUEUE = 9_999_999;

  private final LivechatStore store;
  private final Router router;
  private final Ids ids;
  private final Clock clock;
  private final MessageService messages;
  private final Stripes visitorLocks = new Stripes(1024);

  public RoomService(LivechatStore store, Router router, Ids ids, Clock clock, MessageService messages) {
    this.store = store;
    this.router = router;
    this.ids = ids;
    this.clock = clock;
    this.messages = messages;
  }

  /** The room answered, and whether this call created it. */
  public record RoomResult(Room room, boolean created) {}

  /**
   * Rocket.Chat's get-or-create, in its order of checks: the token must name a visitor; with
   * {@code rid}, that open room of the visitor's is selected and nothing is created; without it, the
   * visitor's open room is returned, or one is created and routed.
   *
   * <p>Unlike Rocket.Chat, concurrent calls for one visitor never create two open rooms.
   */
  public RoomResult getOrCreate(String token, String rid, String agentId, Room.Source source) {
    Visitor visitor = (token == null || token.isEmpty() ? Optional.<Visitor>empty() : store.visitorByToken(token))
        .orElseThrow(() -> LivechatError.plain("invalid-token"));
    if (rid != null && !rid.isEmpty()) {
      return store.openRoomsByVisitorToken(token).stream()
          .filter(r -> r.id().equals(rid))
          .findFirst()
          .map(r -> new RoomResult(r, false))
          .orElseThrow(() -> LivechatError.plain("invalid-room"));
    }
    List<Room> open = store.openRoomsByVisitorToken(token);
    if (!open.isEmpty()) {
      return new RoomResult(open.get(0), false);
    }
    synchronized (visitorLocks.of(token)) {
      open = store.openRoomsByVisitorToken(token);
      if (!open.isEmpty()) {
        return new RoomResult(open.get(0), false);
      }
      Optional<User> requested = agentId == null || agentId.isEmpty() ? Optional.empty() : store.userById(agentId);
      Router.Decision decision = router.route(requested, visitor.department());
      Room room = newRoom(visitor, decision.departmentId(), source);
      Optional<User> agent = decision.agent();
      if (agent.isPresent()) {
        room = room.servedBy(new Room.ServedBy(agent.get().id(), agent.get().username(), room.ts()), room.ts());
      }
      Inquiry inquiry = Inquiry.of(ids.objectId(), room, decision.state(), decision.defaultAgent());
      store.saveInquiry(agent.isPresent() ? inquiry.taken(room.ts()) : inquiry);
      store.saveRoom(room);
      // the system messages Rocket.Chat saves on creation and on assignment (behaviour-doc §2.4)
      messages.addSystemMessage(room.id(), Message.LIVECHAT_STARTED, "",
          new Message.Author(visitor.id(), visitor.username(), null), visitor.token());
      if (agent.isPresent()) {
        messages.addSystemMessage(room.id(), Message.USER_JOINED, "", Message.Author.of(agent.get()), null);
      }
      return new RoomResult(store.roomById(room.id()).orElse(room), true);
    }
  }

  /** What a visitor's close says ({@code Closed_by_visitor}), as the close message and the API's {@code comment}. */
  public static final String CLOSED_BY_VISITOR = "Closed by visitor";

  /**
   * Runs {@code work} serialised with every other change to the rooms of the visitor with this token
   * (get-or-create, close, take, forward).
   */
  public <T> T serialized(String visitorToken, Supplier<T> work) {
    synchronized (visitorLocks.of(visitorToken)) {
      return work.get();
    }
  }

  /**
   * Closes an open room (Rocket.Chat's {@code closeRoom}), serialised with the visitor's other room
   * changes, and adds the {@code livechat-close} system message. Closing frees the agent's open-chat
   * count that Auto_Selection uses, and deletes the room's inquiry. The message says "Closed by visitor"
   * for a visitor, nothing for a user.
   *
   * @param closer {@code visitor} or {@code user}
   * @return the closed room
   * @throws LivechatError {@code room-closed} when the room is already closed
   */
  public Room close(Room room, String closer, String closedById, String closedByUsername) {
    return close(room, closer, closedById, closedByUsername, "visitor".equals(closer) ? CLOSED_BY_VISITOR : "");
  }

  /** As {@link #close(Room, String, String, String)}, with the close message's text ({@code comment}). */
  public Room close(Room room, String closer, String closedById, String closedByUsername, String comment) {
    synchronized (visitorLocks.of(room.visitor().token())) {
      return messages.inRoom(room.id(), () -> {
        Room current = store.roomById(room.id()).orElseThrow(() -> LivechatError.plain("invalid-room"));
        if (!current.open()) {
          throw LivechatError.plain("room-closed");
        }
        Room.Closing how = new Room.Closing(Times.now(clock), closer, closedById, closedByUsername);
        store.updateRoom(room.id(), r -> r.closed(how));
        store.inquiryByRoomId(room.id()).ifPresent(i -> store.removeInquiry(i.id()));
        boolean byVisitor = "visitor".equals(closer);
        messages.addSystemMessage(room.id(), Message.LIVECHAT_CLOSE, comment == null ? "" : comment,
            new Message.Author(closedById, closedByUsername, null), byVisitor ? current.visitor().token() : null);
        return store.roomById(room.id()).orElseThrow();
      });
    }
  }

  /** The open rooms of the visitor with this token; an unknown token has none. */
  public List<Room> openRoomsOf(String token) {
    return store.openRoomsByVisitorToken(token);
  }

  private Room newRoom(Visitor v, String departmentId, Room.Source source) {
    Instant now = Times.now(clock);
    return new Room(ids.id(), v.displayName(),
        new Room.RoomVisitor(v.id(), v.username(), v.token(), Status.ONLINE),
        departmentId, true, now, now, now, 0, 1, true, source, null, now,
        PRIORITY_NOT_SPECIFIED, DEFAULT_ESTIMATED_WAITING_TIME_QUEUE, null, Room.Metrics.NONE, null, null, null, null, null);
  }
}
