package org.livechatcontract.server.domain;

import java.time.Instant;

/**
 * A livechat room ({@code IOmnichannelRoom}, {@code t:"l"}).
 *
 * @param visitor  the visitor as copied onto the room ({@code v})
 * @param servedBy the serving agent, or null while the room is unserved
 * @param open     true while open; Rocket.Chat unsets the field on close
 */
public record Room(
    String id,
    String fname,
    RoomVisitor visitor,
    String departmentId,
    boolean open,
    Instant ts,
    Instant updatedAt,
    Instant lm,
    int msgs,
    int usersCount,
    boolean waitingResponse,
    Source source,
    ServedBy servedBy,
    Instant queuedAt,
    int priorityWeight,
    int estimatedWaitingTimeQueue) {

  /** The visitor fields copied onto a room ({@code v}). */
  public record RoomVisitor(String id, String username, String token, Status status) {}

  /** The serving agent ({@code servedBy}). */
  public record ServedBy(String id, String username, Instant ts) {}

  /** Where the room came from: the REST API, or the Livechat widget (with the Host it talked to). */
  public record Source(String type, String destination) {
    public static final Source API = new Source("api", null);

    public static Source widget(String host) {
      return new Source("widget", host);
    }
  }

  /** The room with the contact's new name. */
  public Room renamed(String newName, Instant now) {
    return new Room(id, newName, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue);
  }

  /** Assigns the room to an agent, as {@code RoutingManager.assignAgent} does. */
  public Room servedBy(ServedBy agent, Instant now) {
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount + 1, waitingResponse,
        source, agent, queuedAt, priorityWeight, estimatedWaitingTimeQueue);
  }
}
