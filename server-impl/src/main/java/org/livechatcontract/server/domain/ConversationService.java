package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.livechatcontract.server.store.LivechatStore;

/**
 * The visitor's calls around their conversation that are not messages: closing it, the survey, who
 * serves it or would serve it, the widget's configuration, and the offline form.
 */
public final class ConversationService {
  /** The survey of {@code GET livechat/config}; {@code room.survey} keeps only these answers. */
  public static final List<String> SURVEY_ITEMS =
      List.of("satisfaction", "agentKnowledge", "agentResposiveness", "agentFriendliness");
  public static final List<String> SURVEY_VALUES = List.of("1", "2", "3", "4", "5");
  static final String ADDITIONAL_FEEDBACK = "additionalFeedback";
  static final String OFFLINE_MESSAGE_FAILED = "Error sending livechat offline message";

  private final LivechatStore store;
  private final Settings settings;
  private final Router router;
  private final RoomService rooms;
  private final Ids ids;
  private final Clock clock;

  public ConversationService(LivechatStore store, Settings settings, Router router, RoomService rooms, Ids ids,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.router = router;
    this.rooms = rooms;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * {@code POST livechat/room.close}: in Rocket.Chat's order, the setting that lets visitors close, the
   * token, the room (the visitor's, open or closed), that it is still open.
   *
   * @return the comment the close recorded
   */
  public String closeByVisitor(String token, String rid) {
    if (!settings.flag(Settings.ALLOW_VISITORS_TO_CLOSE)) {
      throw LivechatError.plain("error-not-allowed-to-close-conversation");
    }
    Visitor visitor = Lookups.guest(store, token);
    Room room = Lookups.roomOf(store, token, rid);
    if (!room.open()) {
      throw LivechatError.plain("room-closed");
    }
    rooms.close(room, "visitor", visitor.id(), visitor.username());
    return RoomService.CLOSED_BY_VISITOR;
  }

  /**
   * {@code POST livechat/room.survey}: keeps the answers to the survey's items with a valid value, and
   * any {@code additionalFeedback}, merged into the room's {@code surveyFeedback}.
   *
   * @return the answers kept, in the order sent
   */
  public Map<String, String> saveSurvey(String token, String rid, List<Map.Entry<String, String>> answers) {
    Lookups.guest(store, token);
    Room room = Lookups.roomOf(store, token, rid);
    Map<String, String> kept = new LinkedHashMap<>();
    for (Map.Entry<String, String> a : answers) {
      if ((SURVEY_ITEMS.contains(a.getKey()) && SURVEY_VALUES.contains(a.getValue()))
          || ADDITIONAL_FEEDBACK.equals(a.getKey())) {
        kept.put(a.getKey(), a.getValue());
      }
    }
    if (kept.isEmpty()) {
      throw LivechatError.plain("invalid-data");
    }
    Instant now = Times.now(clock);
    store.updateRoom(room.id(), r -> r.withSurveyFeedback(kept, now));
    return kept;
  }

  /** {@code GET livechat/agent.info/:rid/:token}: the agent serving the visitor's room. */
  public AgentCard servingAgent(String rid, String token) {
    Lookups.guest(store, token);
    Room room = Lookups.roomOf(store, token, rid);
    return Optional.ofNullable(room.servedBy())
        .flatMap(s -> store.userById(s.id()))
        .map(u -> AgentCard.of(u, settings))
        .orElseThrow(() -> LivechatError.plain("invalid-agent"));
  }

  /**
   * {@code GET livechat/agent.next/:token}: nothing when the visitor already has an open room;
   * otherwise the agent routing would pick, or {@code agent-not-found}.
   */
  public Optional<AgentCard> nextAgent(String token) {
    if (!store.openRoomsByVisitorToken(token).isEmpty()) {
      return Optional.empty();
    }
    String department = store.visitorByToken(token).map(Visitor::department).orElse(null);
    User agent = router.nextAgent(department).orElseThrow(() -> LivechatError.plain("agent-not-found"));
    return Optional.of(AgentCard.of(agent, settings));
  }

  /** What {@code GET livechat/config} shows; with Livechat off only {@code enabled} is meaningful. */
  public record WidgetConfig(
      boolean enabled,
      Settings settings,
      List<Department> departments,
      boolean online,
      List<CustomField> customFields,
      Optional<Visitor> guest,
      Optional<Room> room,
      Optional<AgentCard> agent) {

    /** {@code settings.limitTextLength}: the character limit when it is on, else 0. */
    public int limitTextLength() {
      if (!settings.flag(Settings.ENABLE_MESSAGE_CHARACTER_LIMIT)) {
        return 0;
      }
      int limit = settings.number(Settings.MESSAGE_CHARACTER_LIMIT);
      return limit > 0 ? limit : settings.number(Settings.MESSAGE_MAX_ALLOWED_SIZE);
    }

    /** {@code settings.fileUpload}: Livechat uploads and uploads in general are both on. */
    public boolean fileUpload() {
      return settings.flag(Settings.LIVECHAT_FILE_UPLOAD_ENABLED) && settings.flag(Settings.FILE_UPLOAD_ENABLED);
    }
  }

  /**
   * {@code GET livechat/config}: the widget's settings, the enabled departments, whether a chat would
   * be taken, the public custom fields, and, for a known token, the visitor, their open room and its agent.
   */
  public WidgetConfig config(String token) {
    if (!settings.flag(Settings.LIVECHAT_ENABLED)) {
      return new WidgetConfig(false, settings, List.of(), false, List.of(), Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    Optional<Visitor> guest = token == null || token.isEmpty() ? Optional.empty() : store.visitorByToken(token);
    Optional<Room> room = guest.flatMap(v -> store.openRoomsByVisitorToken(v.token()).stream().findFirst());
    Optional<AgentCard> agent = room.map(Room::servedBy)
        .flatMap(s -> store.userById(s.id()))
        .map(u -> AgentCard.of(u, settings));
    return new WidgetConfig(true, settings,
        store.departments().stream().filter(d -> d.enabled() && !d.agents().isEmpty()).toList(),
        router.online(guest.map(Visitor::department).orElse(null)),
        store.customFields().stream().filter(f -> f.visible() && f.isPublic()).toList(),
        guest, room, agent);
  }

  /**
   * {@code POST livechat/offline.message}: kept for managers instead of mailed. Refused (with
   * Rocket.Chat's one error text) while the offline form is off or when the email is invalid.
   */
  public OfflineMessage leaveOfflineMessage(String name, String email, String message, String department,
      String host) {
    String address = email == null ? "" : email.trim();
    if (!settings.flag(Settings.DISPLAY_OFFLINE_FORM) || !Emails.isValid(address)) {
      throw LivechatError.plain(OFFLINE_MESSAGE_FAILED);
    }
    OfflineMessage kept = new OfflineMessage(ids.id(), name, address, message, blankToNull(department),
        blankToNull(host), Times.now(clock));
    store.saveOfflineMessage(kept);
    return kept;
  }

  /** The offline messages visitors left, newest first. */
  public List<OfflineMessage> offlineMessages() {
    return store.offlineMessages();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
