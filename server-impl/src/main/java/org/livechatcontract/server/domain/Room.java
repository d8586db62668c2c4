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
 * @param responseBy           the agent who answered the visitor's latest unanswered messages, or null
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
    Map<String, String> livechatData,
    ResponseBy responseBy) {

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

  /**
   * {@code responseBy}: the agent who answered since the visitor last wrote, when they first did, and
   * when they last wrote.
   */
  public record ResponseBy(String id, String username, Instant firstResponseTs, Instant lastMessageTs) {
    public ResponseBy lastAt(Instant at) {
      return new ResponseBy(id, username, firstResponseTs, at);
    }
  }

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

    /**
     * After the visitor wrote at {@code at}: {@code v.lq} moves only when the agent replied since the
     * visitor's last query (both default to the room's {@code ts}), so it marks the first unanswered message.
     */
    Metrics afterVisitorMessage(Instant roomTs, Instant at) {
      Instant query = visitorLastQuery == null ? roomTs : visitorLastQuery;
      Instant reply = agentLastReply == null ? roomTs : agentLastReply;
      return reply.isBefore(query) ? this : withVisitorLastQuery(at);
    }

    /**
     * After an agent wrote at {@code at}, as Rocket.Chat's {@code saveAnalyticsData}: the response time runs
     * from {@code v.lq} (default: the room's {@code ts}). Before any recorded reply ({@code servedBy.lr}
     * unset) it is a first response: {@code response.fd/ft} and {@code reaction.fd/ft} (the reaction time
     * runs from when the agent was assigned) are set unless the time is zero. Later, only an answer to a
     * newer query counts ({@code total}, {@code tt}, {@code avg}; the reaction's {@code tt} grows by the
     * response time). {@code servedBy.lr} is set only when the visitor's query is newer than the last reply.
     */
    Metrics afterAgentMessage(Instant roomTs, Instant agentJoined, Instant at) {
      Instant query = visitorLastQuery == null ? roomTs : visitorLastQuery;
      Instant reply = agentLastReply == null ? roomTs : agentLastReply;
      boolean newerQuery = query.isAfter(reply);
      Response r = response == null ? new Response(null, null, null, null, null) : response;
      Reaction re = reaction == null ? new Reaction(null, null, null) : reaction;
      double tt = r.tt() == null ? 0 : r.tt();
      int total = r.total() == null ? 0 : r.total();
      double reactionTt = re.tt() == null ? 0 : re.tt();
      Response nextResponse = response;
      Reaction nextReaction = reaction;
      if (agentLastReply == null) {
        double responseTime = seconds(query, at);
        double reactionTime = seconds(agentJoined, at);
        boolean first = responseTime != 0;
        // boxed on purpose: a ternary of double and a null Double would unbox the null
        nextResponse = new Response((tt + responseTime) / (total + 1), first ? at : r.fd(),
            first ? Double.valueOf(responseTime) : r.ft(), total + 1, tt + responseTime);
        nextReaction = new Reaction(first ? at : re.fd(), first ? Double.valueOf(reactionTime) : re.ft(),
            reactionTt + reactionTime);
      } else if (newerQuery) {
        double responseTime = seconds(query, at);
        nextResponse = new Response((tt + responseTime) / (total + 1), r.fd(), r.ft(), total + 1, tt + responseTime);
        nextReaction = new Reaction(re.fd(), re.ft(), reactionTt + responseTime);
      }
      return new Metrics(chatDuration, serviceTimeDuration, visitorLastQuery, newerQuery ? at : agentLastReply,
          nextResponse, nextReaction);
    }

    private static double seconds(Instant from, Instant to) {
      return (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
    }
  }

  public boolean isClosed() {
    return closing != null;
  }

  /** The room with the contact's new name. */
  public Room renamed(String newName, Instant now) {
    return new Room(id, newName, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
  }

  /** Assigns the room to an agent, as {@code RoutingManager.assignAgent} does. */
  public Room servedBy(ServedBy agent, Instant now) {
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount + 1, waitingResponse,
        source, agent, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
  }

  /** Gives the room to another agent; an unserved room gains a member, a served one swaps its agent. */
  public Room transferredTo(ServedBy agent, Instant now) {
    if (servedBy == null) {
      return servedBy(agent, now);
    }
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse,
        source, agent, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
  }

  /** Takes the agent away, as Rocket.Chat's {@code removeAgentByRoomId} does when a room goes back to the queue. */
  public Room unserved(Instant now) {
    if (servedBy == null) {
      return this;
    }
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount - 1, waitingResponse,
        source, null, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
  }

  public Room inDepartment(String newDepartmentId, Instant now) {
    return new Room(id, fname, visitor, newDepartmentId, open, ts, now, lm, msgs, usersCount, waitingResponse,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
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
        surveyFeedback, livechatData, responseBy);
  }

  /**
   * The room after a message was stored in it. A message someone wrote counts in {@code msgs} and
   * becomes {@code lastMessage} (and {@code lm}); the rest follows Rocket.Chat's
   * {@code afterOmnichannelSaveMessage} hooks: see {@link #withVisitorMessage} and
   * {@link #withAgentMessage}. System messages change only {@code _updatedAt}.
   */
  public Room withMessage(Message m) {
    if (!m.countsInRoom()) {
      return new Room(id, fname, visitor, departmentId, open, ts, m.ts(), lm, msgs, usersCount, waitingResponse,
          source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
          visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
    }
    return m.token() != null ? withVisitorMessage(m) : withAgentMessage(m);
  }

  /**
   * The visitor wrote: {@code v.lastMessageTs} is set; the room waits for a reply again, and a room that
   * was answered loses {@code responseBy} ({@code markRoomNotResponded}); {@code metrics.v.lq} is set only
   * by the first message since the agent's last reply ({@code getAnalyticsUpdateQueryBySentByVisitor}).
   */
  private Room withVisitorMessage(Message m) {
    return new Room(id, fname, visitor, departmentId, open, ts, m.ts(), m.ts(), msgs + 1, usersCount, true,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing,
        metricsOrNone().afterVisitorMessage(ts, m.ts()), m, m.ts(), surveyFeedback, livechatData,
        waitingResponse ? responseBy : null);
  }

  /**
   * An agent wrote ({@code markRoomResponded}, {@code saveAnalyticsData}): the wait ends; the first answer
   * since the visitor wrote sets {@code responseBy}, later ones move only its {@code lastMessageTs}; the
   * response and reaction metrics are counted as {@link Metrics#afterAgentMessage} says.
   */
  private Room withAgentMessage(Message m) {
    ResponseBy by = responseBy == null ? null : responseBy.lastAt(m.ts());
    if (waitingResponse && by == null) {
      by = new ResponseBy(m.author().id(), m.author().username(), m.ts(), m.ts());
    }
    Instant agentJoined = servedBy == null ? ts : servedBy.ts();
    return new Room(id, fname, visitor, departmentId, open, ts, m.ts(), m.ts(), msgs + 1, usersCount, false,
        source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing,
        metricsOrNone().afterAgentMessage(ts, agentJoined, m.ts()), m, visitorLastMessageTs, surveyFeedback,
        livechatData, by);
  }

  private Metrics metricsOrNone() {
    return metrics == null ? Metrics.NONE : metrics;
  }

  /** The room after a counted message was deleted: one message fewer, and the newest remaining one last. */
  public Room withoutMessage(Message newLast, Instant now) {
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, Math.max(0, msgs - 1), usersCount,
        waitingResponse, source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics,
        newLast, visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
  }

  /** The room after its last message was edited. */
  public Room withLastMessage(Message edited, Instant now) {
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse, source,
        servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, edited, visitorLastMessageTs,
        surveyFeedback, livechatData, responseBy);
  }

  /** The visitor's presence as the room shows it ({@code v.status}). */
  public Room withVisitorStatus(Status status, Instant now) {
    return new Room(id, fname, visitor.withStatus(status), departmentId, open, ts, now, lm, msgs, usersCount,
        waitingResponse, source, servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics,
        lastMessage, visitorLastMessageTs, surveyFeedback, livechatData, responseBy);
  }

  /** Survey answers merged into {@code surveyFeedback}. */
  public Room withSurveyFeedback(Map<String, String> answers, Instant now) {
    Map<String, String> merged = new HashMap<>(surveyFeedback);
    merged.putAll(answers);
    return new Room(id, fname, visitor, departmentId, open, ts, now, lm, msgs, usersCount, waitingResponse, source,
        servedBy, queuedAt, priorityWeight, estimatedWaitingTimeQueue, closing, metrics, lastMessage,
        visitorLastMessageTs, merged, livechatData, responseBy);
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
        visitorLastMessageTs, surveyFeedback, data, responseBy);
  }
}
