package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livechatcontract.server.store.LivechatStore;

/**
 * The messages of livechat rooms: what the visitor sends, edits, deletes and reads back, what agents
 * send, and the system messages the room's life leaves behind.
 *
 * <p>Every message is stored and its room updated while holding that room's lock, so messages get
 * {@code ts} in the order they are stored and the room's {@code msgs} always equals the number of
 * written (not system) messages in its history.
 */
public final class MessageService {
  /** Rocket.Chat's {@code rocket.cat}, the author of navigation and transcript records. */
  static final Message.Author ROCKET_CAT = new Message.Author("rocket.cat", "rocket.cat", "Rocket.Cat");
  static final String TRANSCRIPT_SUBJECT = "Transcript of your livechat conversation";

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
  private static final Pattern SORT = Pattern.compile("^\\s*\\{\\s*\"ts\"\\s*:\\s*(-?1)\\s*}\\s*$");
  private static final int DEFAULT_HISTORY_LIMIT = 20;

  private final LivechatStore store;
  private final Settings settings;
  private final Ids ids;
  private final Clock clock;
  private final Stripes roomLocks = new Stripes(1024);

  public MessageService(LivechatStore store, Settings settings, Ids ids, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.ids = ids;
    this.clock = clock;
  }

  /** Runs {@code work} holding the room's lock; the room's messages and record change together. */
  <T> T inRoom(String rid, Supplier<T> work) {
    synchronized (roomLocks.of(rid)) {
      return work.get();
    }
  }

  // the visitor's calls

  /**
   * {@code POST livechat/message}: in Rocket.Chat's order, the token, the room (the visitor's own),
   * that it is open, and the character limit.
   *
   * @param clientId the {@code _id} the client chose, or null/empty for a new one
   */
  public Message sendVisitorMessage(String token, String rid, String text, String clientId) {
    Visitor visitor = Lookups.guest(store, token);
    return inRoom(rid, () -> {
      Room room = Lookups.roomOf(store, token, rid);
      if (!room.open()) {
        throw LivechatError.plain("room-closed");
      }
      if (settings.flag(Settings.ENABLE_MESSAGE_CHARACTER_LIMIT)
          && text.length() > settings.number(Settings.MESSAGE_CHARACTER_LIMIT)) {
        throw LivechatError.plain("message-length-exceeds-character-limit");
      }
      String id = clientId == null || clientId.isEmpty() ? ids.id() : clientId;
      Instant now = Times.now(clock);
      return add(new Message(id, rid, text, null, now, Message.Author.of(visitor), now, visitor.token(),
          visitor.name(), null, null, false, urls(text), null, null, null));
    });
  }

  /** {@code GET livechat/message/:_id}: a message of the visitor's room. */
  public Message visitorMessage(String token, String rid, String id) {
    Lookups.guest(store, token);
    Lookups.roomOf(store, token, rid);
    return messageIn(rid, id);
  }

  /** {@code PUT livechat/message/:_id}: the visitor edits one of their own messages. */
  public Message editVisitorMessage(String token, String rid, String id, String text) {
    Visitor visitor = Lookups.guest(store, token);
    Lookups.roomOf(store, token, rid);
    return inRoom(rid, () -> {
      Message m = ownMessage(visitor, rid, id, Settings.MESSAGE_ALLOW_EDITING);
      Instant now = Times.now(clock);
      Message edited = m.edited(text, urls(text), new Message.Author(visitor.id(), visitor.username(), null), now);
      store.replaceMessage(edited);
      store.updateRoom(rid, r -> r.lastMessage() != null && r.lastMessage().id().equals(id)
          ? r.withLastMessage(edited, now) : r);
      return edited;
    });
  }

  /**
   * {@code DELETE livechat/message/:_id}: the visitor deletes one of their own messages. It leaves the
   * history, {@code msgs} goes down and {@code lastMessage} falls back to the newest remaining one; a
   * file message takes its file with it.
   *
   * @return when it was deleted
   */
  public Instant deleteVisitorMessage(String token, String rid, String id) {
    Visitor visitor = Lookups.guest(store, token);
    Lookups.roomOf(store, token, rid);
    return inRoom(rid, () -> {
      Message m = ownMessage(visitor, rid, id, Settings.MESSAGE_ALLOW_DELETING);
      Instant now = Times.now(clock);
      store.deleteMessage(id);
      if (m.attachment() != null) {
        store.deleteFile(m.attachment().fileId());
      }
      if (m.countsInRoom()) {
        Message newLast = store.lastWrittenMessage(rid).orElse(null);
        store.updateRoom(rid, r -> r.withoutMessage(newLast, now));
      }
      return now;
    });
  }

  /** What {@code GET livechat/messages.history/:rid} asks for; every field may be null. */
  public record HistoryQuery(Integer limit, Integer offset, String end, String searchText, String sort) {}

  /**
   * {@code GET livechat/messages.history/:rid}: newest first, system messages included, hidden ones
   * not. {@code limit} defaults to 20 and 0 means all; {@code end} keeps what came strictly before it
   * (a time that does not parse matches nothing, as an invalid JS date does).
   */
  public List<Message> history(String token, String rid, HistoryQuery q) {
    boolean oldestFirst = oldestFirst(q.sort());
    if (token == null || token.isEmpty()) {
      throw LivechatError.plain("error-token-param-not-provided");
    }
    Lookups.guest(store, token);
    Lookups.roomOf(store, token, rid);
    Instant before = null;
    if (q.end() != null && !q.end().isEmpty()) {
      Optional<Instant> end = parseTime(q.end());
      if (end.isEmpty()) {
        return List.of();
      }
      before = end.get();
    }
    int limit = q.limit() == null ? DEFAULT_HISTORY_LIMIT : Math.abs(q.limit());
    int offset = q.offset() == null ? 0 : q.offset();
    return store.roomMessages(rid, new LivechatStore.MessageQuery(before, q.searchText(), offset, limit, oldestFirst));
  }

  /**
   * {@code POST livechat/page.visited}: when the change is the monitored kind, a navigation message,
   * stored in {@code rid} when that is one of the visitor's rooms (hidden unless
   * {@code Livechat_Visitor_navigation_as_a_message} is on). The token is not checked.
   *
   * @return the navigation message, or empty when this kind of change is not monitored
   */
  public Optional<Message> pageVisited(String token, String rid, String title, String change, String href) {
    if (!change.equals(settings.text(Settings.HISTORY_MONITOR_TYPE))) {
      return Optional.empty();
    }
    Message.Navigation navigation = new Message.Navigation(title, change, href, token);
    boolean hidden = !settings.flag(Settings.NAVIGATION_AS_A_MESSAGE);
    String text = title + " - " + href;
    boolean visitorsRoom = rid != null && store.roomById(rid).filter(r -> r.visitor().token().equals(token)).isPresent();
    if (!visitorsRoom) {
      Instant now = Times.now(clock);
      return Optional.of(new Message(ids.id(), rid == null ? "" : rid, text, Message.NAVIGATION_HISTORY, now,
          ROCKET_CAT, now, null, null, null, null, hidden, List.of(), navigation, null, null));
    }
    return Optional.of(inRoom(rid, () -> {
      Instant now = Times.now(clock);
      return add(new Message(ids.id(), rid, text, Message.NAVIGATION_HISTORY, now, ROCKET_CAT, now, null, null,
          null, null, hidden, List.of(), navigation, null, null));
    }));
  }

  /**
   * {@code POST livechat/transcript}: no mail is sent; the request is recorded in the room as a
   * {@code livechat_transcript_history} message naming the visitor and the address.
   */
  public Message requestTranscript(String token, String rid, String email) {
    Visitor visitor = store.visitorByToken(token).orElseThrow(() -> LivechatError.plain("error-invalid-token"));
    store.roomById(rid).filter(r -> r.visitor().token().equals(token))
        .orElseThrow(() -> LivechatError.plain("error-invalid-room"));
    if (!Emails.isValid(email)) {
      throw LivechatError.meteor("error-invalid-email", "Invalid email " + email);
    }
    Message.TranscriptRequest request = new Message.TranscriptRequest(Message.Author.of(visitor), ROCKET_CAT, email,
        TRANSCRIPT_SUBJECT);
    return addSystemMessage(rid, Message.TRANSCRIPT_HISTORY, "", ROCKET_CAT, null, request);
  }

  /** The file message of an upload the visitor made to their open room. */
  Message sendFile(Visitor visitor, String rid, StoredFile file, String description) {
    return inRoom(rid, () -> {
      Instant now = Times.now(clock);
      Message.Attachment attachment = new Message.Attachment(file.id(), file.name(), file.type(), file.size(),
          file.url(), description == null || description.isEmpty() ? null : description);
      return add(new Message(ids.id(), rid, "", null, now, Message.Author.of(visitor), now, visitor.token(),
          visitor.name(), null, null, false, List.of(), null, null, attachment));
    });
  }

  // agents

  /**
   * An agent's message to an open room (for {@code chat.sendMessage}): counted in {@code msgs}, the
   * room's {@code lastMessage}, and the room answered ({@link Room#withMessage}: {@code waitingResponse},
   * {@code responseBy}, the response metrics).
   *
   * @param clientId the {@code _id} the client chose, or null/empty for a new one
   * @throws LivechatError {@code invalid-room} for an unknown room, {@code room-closed} for a closed one,
   *     {@code error-duplicate-message-id} for an {@code _id} in use
   */
  public Message sendAgentMessage(Room room, User agent, String text, String clientId) {
    return inRoom(room.id(), () -> {
      Room current = store.roomById(room.id()).orElseThrow(() -> LivechatError.plain("invalid-room"));
      if (!current.open()) {
        throw LivechatError.plain("room-closed");
      }
      Instant now = Times.now(clock);
      String id = clientId == null || clientId.isEmpty() ? ids.id() : clientId;
      return add(new Message(id, room.id(), text, null, now, Message.Author.of(agent), now, null, null, null,
          null, false, urls(text), null, null, null));
    });
  }

  // system messages

  /** A system message ({@code t}) in the room, as Rocket.Chat saves them: {@code groupable:false}. */
  Message addSystemMessage(String rid, String type, String text, Message.Author author, String token) {
    return addSystemMessage(rid, type, text, author, token, null);
  }

  private Message addSystemMessage(String rid, String type, String text, Message.Author author, String token,
      Message.TranscriptRequest request) {
    return inRoom(rid, () -> {
      Instant now = Times.now(clock);
      return add(new Message(ids.id(), rid, text, type, now, author, now, token, null, null, null, false, List.of(),
          null, request, null));
    });
  }

  // helpers

  /** Stores a new message and updates its room; the caller holds the room's lock. */
  private Message add(Message m) {
    if (!store.addMessage(m)) {
      throw LivechatError.plain("error-duplicate-message-id");
    }
    store.updateRoom(m.rid(), r -> r.withMessage(m));
    return m;
  }

  private Message messageIn(String rid, String id) {
    return store.messageById(id).filter(m -> m.rid().equals(rid))
        .orElseThrow(() -> LivechatError.plain("invalid-message"));
  }

  private Message ownMessage(Visitor visitor, String rid, String id, String allowedSetting) {
    Message m = messageIn(rid, id);
    if (!settings.flag(allowedSetting) || m.isSystem() || !m.author().id().equals(visitor.id())) {
      throw LivechatError.plain("error-action-not-allowed");
    }
    return m;
  }

  private static boolean oldestFirst(String sort) {
    if (sort == null || sort.isEmpty()) {
      return false;
    }
    Matcher m = SORT.matcher(sort);
    if (!m.matches()) {
      throw LivechatError.meteor("error-invalid-sort", "Invalid sort parameter provided: \"" + sort + "\"");
    }
    return "1".equals(m.group(1));
  }

  /** Reads a time the way the history's {@code end} is meant: ISO-8601, with or without offset or time. */
  static Optional<Instant> parseTime(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      // not with an offset; try the shorter forms
    }
    try {
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // not a local date-time either
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<String> urls(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
