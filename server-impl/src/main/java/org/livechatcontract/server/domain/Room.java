package org.livechatcontract.server.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A livechat room ({@code IOmnichannelRoom}, {@code t:"l"}).
 *
 * @param visitor  the visitor as copied onto the room ({@code v})
 * @param servedBy the serving agent, or null while the room is unserved
 * @param open     true while open; Rocket.Chat unsets the field on close
 * @param lastMessage          the newest message someone wrote, or null
 * @param visitorLastMessageTs when the visitor last wrote ({@code v.lastMessageTs}), or null
 * @param surveyFeedback       the visitor's survey answers, by item
 * @param livechatData         values of custom fields of scope {@code room}, by key
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
    int estimatedWaitingTimeQueue,
    Closing closing,
    Metrics metrics,
    Message lastMessage,
    Instant visitorLastMessageTs,
    Map<String, String> surveyFeedback,
    Map<String, String> livechatData) {

  public Room {
    surveyFeedback = surveyFeedback == null ? Map.of() : Map.copyOf(surveyFeedback);
    livechatData = livechatData == null ? Map.of() : Map.copyOf(livechatData);
  }

  /** The visitor fields copied onto a room ({@code v}). */
  public record RoomVisitor(String id, String username, String token, Status status) {
    public RoomVisitor withStatus(Status s) {
      return new RoomVisitor(id, username, token, s);
    }
  }

  /** The serving agent ({@code servedBy}). */
  public record ServedBy(String id, String username, Instant ts) {}

  /** Where the room came from: the REST API, or the Livechat widget (with the Host it talked to). */
  public record Source(String type, String destination) {
    public static final Source API = new Source("api", null);

    public static Source widget(String host) {
      return new Source("widget", host);
    }
  }

  /** Who closed the room ({@code closer}: {@code visitor} or {@code user}), who exactly, and when. */
  public record Closing(Instant closedAt, String closer, String closedById, String closedByUsername) {}

  /**
   * {@code metrics}: durations in seconds; {@code visitorLastQuery} is {@code v.lq}, {@code agentLastReply}
   * {@code servedBy.lr}. Fields a room has not reached yet are null.
   */
  public record Metrics(
      Double chatDuration,
      Double serviceTimeDuration,
      Instant visitorLastQuery,
      Instant agentLastReply,
      Response response,
      Reaction reaction) {
    public static final Metrics NONE = new Metrics(null, null, null, null, null, null);

    /** {@code metrics.response}: agent response times. */
    public record Response(Double avg, Instant fd, Double ft, Integer total, Double tt) {}

    /** {@code metrics.reaction}: the agent's first reaction. */
    public record Reaction(Instant fd, Double ft, Double tt) {}

    public Metrics closed(double chat, Double service) {
      return new Metrics(chat, service, visitorLastQuery, agentLastReply, response, reaction);
    }

    public Metrics withVisitorLastQuery(Instant at) {
      return new Metrics(chatDuration, serviceTimeDuration, at, agentLastReply, response, reaction);
    }

    public Metrics withAgentLastReply(Instant at) {
      return new Metrics(chatDuration, serviceTimeDuration, visitorLastQuery, at, response, reaction);
    }
  }

  public boolean isClosed() {
    return closing != null;
  }

  /** The room with the contact's new name. */
  public Room renamed(String newName, Instant now) {
    return new Room(id, newName, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData);
  }

  /** Assigns the room to an agent, as {@code RoutingManager.assignAgent} does. */
  public Room servedBy(ServedBy agent, Instant now) {
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount + 1, waitingResponse,
        source, agent, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData);
  }

  /** Gives the room to another agent; an unserved room gains a member, a served one swaps its agent. */
  public Room transferredTo(ServedBy agent, Instant now) {
    if (servedBy == null) {
      return servedBy(agent, now);
    }
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse,
        source, agent, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData);
  }

  /** Takes the agent away, as Rocket.Chat's {@code removeAgentByRoomId} does when a room goes back to the queue. */
  public Room unserved(Instant now) {
    if (servedBy == null) {
      return this;
    }
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount - 1, waitingResponse,
        source, null, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData);
  }

  public Room inDepartment(String newDepartmentId, Instant now) {
    return new Room(id, fname, visitor, newDepartmentId, open, ts, now, lm, msgs, usersCount, waitingResponse,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData);
  }

  /**
   * Closes the room as {@code LivechatRooms.closeRoomById} does: {@code open} goes, {@code closedAt},
   * {@code closer} and {@code closedBy} come, the visitor shows offline, and the durations are recorded.
   */
  public Room closed(Closing how) {
    double chat = (how.closedAt().toEpochMilli() - ts.toEpochMilli()) / 1000.0;
    Double service = servedBy == null ? null : (how.closedAt().toEpochMilli() - servedBy.ts().toEpochMilli()) / 1000.0;
    return new Room(id, fname, visitor.withStatus(Status.OFFLINE), departmentId, false, ts, how.closedAt(), lm, msgs,
        usersCount, waitingResponse, source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, how,
        (metrics == null ? Metrics.NONE : metrics).closed(chat, service), lastMessage, visitorLastMessageTs,
        surveyFeedback, livechatData);
  }

  /**
   * The room after a message was stored in it. A message someone wrote counts in {@code msgs} and
   * becomes {@code lastMessage} (and {@code lm}); the visitor's also sets {@code v.lastMessageTs} and
   * {@code metrics.v.lq} and leaves the room waiting for a reply, an agent's sets
   * {@code metrics.servedBy.lr} and ends the wait. System messages change only {@code _updatedAt}.
   */
  public Room withMessage(Message m) {
    if (!m.countsInRoom()) {
      return new Room(id, fname, visitor, departmentId, open, ts, m.ts(), lm, msgs, usersCount, waitingResponse,
          source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
          visitorLastMessageTs, surveyFeedback, livechatData);
    }
    boolean fromVisitor = m.token() != null;
    Metrics base = metrics == null ? Metrics.NONE : metrics;
    return new Room(id, fname, visitor, departmentId, open, ts, m.ts(), m.ts(), msgs + 1, usersCount, fromVisitor,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing,
        fromVisitor ? base.withVisitorLastQuery(m.ts()) : base.withAgentLastReply(m.ts()), m,
        fromVisitor ? m.ts() : visitorLastMessageTs, surveyFeedback, livechatData);
  }

  /** The room after a counted message was deleted: one message fewer, and the newest remaining one last. */
  public Room withoutMessage(Message newLast, Instant now) {
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, Math.max(0, msgs - 1), usersCount,
        waitingResponse, source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics,
        newLast, visitorLastMessageTs, surveyFeedback, livechatData);
  }

  /** The room after its last message was edited. */
  public Room withLastMessage(Message edited, Instant now) {
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse, source,
        servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, edited, visitorLastMessageTs,
        surveyFeedback, livechatData);
  }

  /** The visitor's presence as the room shows it ({@code v.status}). */
  public Room withVisitorStatus(Status status, Instant now) {
    return new Room(id, fname, visitor.withStatus(status), departmentId, open, ts, now, lm, msgs, usersCount,
        waitingResponse, source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics,
        lastMessage, visitorLastMessageTs, surveyFeedback, livechatData);
  }

  /** Survey answers merged into {@code surveyFeedback}. */
  public Room withSurveyFeedback(Map<String, String> answers, Instant now) {
    Map<String, String> merged = new HashMap<>(surveyFeedback);
    merged.putAll(answers);
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse, source,
        servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, merged, livechatData);
  }

  /** One room custom field set ({@code livechatData.<key>}); with {@code overwrite} false an existing value stays. */
  public Room withLivechatData(String key, String value, boolean overwrite, Instant now) {
    if (!overwrite && livechatData.containsKey(key)) {
      return this;
    }
    Map<String, String> data = new HashMap<>(livechatData);
    data.put(key, value);
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse, source,
        servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, data);
  }
}
