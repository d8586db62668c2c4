package org.livechatcontract.server.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The livechat settings that change the server's behaviour, with Rocket.Chat's defaults. */
public final class Settings {
  public static final String LIVECHAT_ENABLED = "Livechat_enabled";
  public static final String ROUTING_METHOD = "Livechat_Routing_Method";
  public static final String ACCEPT_CHATS_WITH_NO_AGENTS = "Livechat_accept_chats_with_no_agents";
  public static final String ENABLED_WHEN_AGENT_IDLE = "Livechat_enabled_when_agent_idle";
  public static final String SHOW_AGENT_INFO = "Livechat_show_agent_info";
  public static final String ALLOW_VISITORS_TO_CLOSE = "Omnichannel_allow_visitors_to_close_conversation";
  public static final String GUEST_COUNT = "Livechat_guest_count";
  public static final String ASSIGN_NEW_CONVERSATION_TO_BOT = "Livechat_assign_new_conversation_to_bot";
  public static final String REQUEST_COMMENT_WHEN_CLOSING = "Livechat_request_comment_when_closing_conversation";
  public static final String ENABLE_MESSAGE_CHARACTER_LIMIT = "Livechat_enable_message_character_limit";
  public static final String MESSAGE_CHARACTER_LIMIT = "Livechat_message_character_limit";
  public static final String WAITING_QUEUE = "Livechat_waiting_queue";
  /** The "GDPR" setting: when on, a visitor with open rooms can be deleted. */
  public static final String ALLOW_COLLECT_HTTP_HEADERS = "Livechat_Allow_collect_and_store_HTTP_header_informations";
  public static final String ENABLE_DEPARTMENT_REMOVAL = "Omnichannel_enable_department_removal";

  public static final String AUTO_SELECTION = "Auto_Selection";
  public static final String MANUAL_SELECTION = "Manual_Selection";
  public static final String EXTERNAL = "External";
  public static final List<String> ROUTING_METHODS = List.of(AUTO_SELECTION, MANUAL_SELECTION, EXTERNAL);

  private static final Map<String, Object> DEFAULTS = defaults();

  private final Map<String, Object> values = new ConcurrentHashMap<>(DEFAULTS);

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(LIVECHAT_ENABLED, true);
    d.put(ROUTING_METHOD, AUTO_SELECTION);
    d.put(ACCEPT_CHATS_WITH_NO_AGENTS, false);
    d.put(ENABLED_WHEN_AGENT_IDLE, true);
    d.put(SHOW_AGENT_INFO, true);
    d.put(ALLOW_VISITORS_TO_CLOSE, true);
    d.put(GUEST_COUNT, 1);
    d.put(ASSIGN_NEW_CONVERSATION_TO_BOT, false);
    d.put(REQUEST_COMMENT_WHEN_CLOSING, true);
    d.put(ENABLE_MESSAGE_CHARACTER_LIMIT, false);
    d.put(MESSAGE_CHARACTER_LIMIT, 0);
    d.put(WAITING_QUEUE, false);
    d.put(ALLOW_COLLECT_HTTP_HEADERS, false);
    d.put(ENABLE_DEPARTMENT_REMOVAL, false);
    return Map.copyOf(d);
  }

  public boolean flag(String id) {
    return (Boolean) values.get(id);
  }

  public String text(String id) {
    return (String) values.get(id);
  }

  public int number(String id) {
    return (Integer) values.get(id);
  }

  public boolean known(String id) {
    return DEFAULTS.containsKey(id);
  }

  /** The current value of a known setting. */
  public Object value(String id) {
    if (!known(id)) {
      throw unknown(id);
    }
    return values.get(id);
  }

  /**
   * Sets a known setting, checking the value has the setting's type.
   *
   * @throws LivechatError {@code error-setting-not-found} or {@code error-invalid-setting-value}
   */
  public void set(String id, Object value) {
    Object current = DEFAULTS.get(id);
    if (current == null) {
      throw unknown(id);
    }
    if (value == null || !current.getClass().isInstance(value)) {
      throw invalid("Setting '" + id + "' takes " + typeName(current) + ", not " + shown(value));
    }
    if (ROUTING_METHOD.equals(id) && !ROUTING_METHODS.contains(value)) {
      throw invalid("Setting '" + id + "' must be one of " + String.join(", ", ROUTING_METHODS) + ", not " + shown(value));
    }
    values.put(id, value);
  }

  /** Whether the routing method assigns an agent by itself (Rocket.Chat's {@code autoAssignAgent}). */
  public boolean autoAssigns() {
    return !MANUAL_SELECTION.equals(text(ROUTING_METHOD));
  }

  /** The next visitor number for {@code guest-N}, advancing {@code Livechat_guest_count}. */
  public int nextGuestNumber() {
    return (Integer) values.compute(GUEST_COUNT, (k, v) -> (Integer) v + 1) - 1;
  }

  private static LivechatError unknown(String id) {
    return LivechatError.meteor("error-setting-not-found", "Setting '" + id + "' is not known to this server");
  }

  private static LivechatError invalid(String reason) {
    return LivechatError.meteor("error-invalid-setting-value", reason);
  }

  private static String typeName(Object value) {
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value instanceof Integer ? "an integer" : "a string";
  }

  private static String shown(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
