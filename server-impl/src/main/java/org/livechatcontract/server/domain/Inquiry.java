package org.livechatcontract.server.domain;

import java.time.Instant;

/**
 * A room's place in the queue ({@code ILivechatInquiryRecord}), created with the room and deleted when
 * it closes.
 *
 * @param defaultAgent the agent the visitor asked for, or null
 * @param queuedAt     when it was last queued, or null while it never was
 */
public record Inquiry(
    String id,
    String roomId,
    String name,
    Instant ts,
    String department,
    State state,
    Room.RoomVisitor visitor,
    int priorityWeight,
    int estimatedWaitingTimeQueue,
    Room.Source source,
    DefaultAgent defaultAgent,
    Instant queuedAt,
    Instant takenAt,
    Instant updatedAt) {

  /** Rocket.Chat's {@code LivechatInquiryStatus}, the part of it this server uses. */
  public enum State {
    READY("ready"),
    QUEUED("queued"),
    TAKEN("taken");

    private final String wire;

    State(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** The agent the visitor asked for with {@code agentId}. */
  public record DefaultAgent(String agentId, String username) {}

  /** The inquiry of a new room. */
  public static Inquiry of(String id, Room room, State state, DefaultAgent defaultAgent) {
    return new Inquiry(id, room.id(), room.fname(), room.ts(), room.departmentId(), state, room.visitor(),
        room.priorityWeight(), room.estimatedWaitingTimeQueue(), room.source(), defaultAgent,
        state == State.QUEUED ? room.ts() : null, null, room.ts());
  }

  public Inquiry taken(Instant now) {
    return new Inquiry(id, roomId, name, ts, department, State.TAKEN, visitor, priorityWeight,
        estimatedWaitingTimeQueue, source, defaultAgent, queuedAt, now, now);
  }

  /** Back in the queue, in this department, as Rocket.Chat's {@code unassignAgent} leaves it. */
  public Inquiry queued(String departmentId, Instant now) {
    return new Inquiry(id, roomId, name, ts, departmentId, State.QUEUED, visitor, priorityWeight,
        estimatedWaitingTimeQueue, source, defaultAgent, now, null, now);
  }

  /** Moved to another department without changing its state. */
  public Inquiry inDepartment(String departmentId, Instant now) {
    return new Inquiry(id, roomId, name, ts, departmentId, state, visitor, priorityWeight,
        estimatedWaitingTimeQueue, source, defaultAgent, queuedAt, takenAt, now);
  }
}
