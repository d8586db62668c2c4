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
  public static final String WAITING_QUEUE = "Livechat_waiting_queue";
  public static final String ENABLE_DEPARTMENT_REMOVAL = "Omnichannel_enable_department_removal";
  /** The "GDPR" setting: when on, a visitor with open rooms can be deleted. */
  public static final String ALLOW_COLLECT_HTTP_HEADERS = "Livechat_Allow_collect_and_store_HTTP_header_informations";
  public static final String ENABLE_MESSAGE_CHARACTER_LIMIT = "Livechat_enable_message_character_limit";
  public static final String MESSAGE_CHARACTER_LIMIT = "Livechat_message_character_limit";
  public static final String MESSAGE_MAX_ALLOWED_SIZE = "Message_MaxAllowedSize";
  public static final String MESSAGE_ALLOW_EDITING = "Message_AllowEditing";
  public static final String MESSAGE_ALLOW_DELETING = "Message_AllowDeleting";
  public static final String SHOW_AGENT_EMAIL = "Livechat_show_agent_email";
  public static final String HISTORY_MONITOR_TYPE = "Livechat_history_monitor_type";
  public static final String NAVIGATION_AS_A_MESSAGE = "Livechat_Visitor_navigation_as_a_message";
  public static final String DISPLAY_OFFLINE_FORM = "Livechat_display_offline_form";
  public static final String FILE_UPLOAD_ENABLED = "FileUpload_Enabled";
  public static final String LIVECHAT_FILE_UPLOAD_ENABLED = "Livechat_fileupload_enabled";
  /** Bytes; 10 MiB here (Rocket.Chat's default is 100 MiB). */
  public static final String FILE_UPLOAD_MAX_FILE_SIZE = "FileUpload_MaxFileSize";

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
    d.put(WAITING_QUEUE, false);
    d.put(ENABLE_DEPARTMENT_REMOVAL, false);
    d.put(ALLOW_COLLECT_HTTP_HEADERS, false);
    d.put(ENABLE_MESSAGE_CHARACTER_LIMIT, false);
    d.put(MESSAGE_CHARACTER_LIMIT, 0);
    d.put(MESSAGE_MAX_ALLOWED_SIZE, 5000);
    d.put(MESSAGE_ALLOW_EDITING, true);
    d.put(MESSAGE_ALLOW_DELETING, true);
    d.put(SHOW_AGENT_EMAIL, true);
    d.put(HISTORY_MONITOR_TYPE, "url");
    d.put(NAVIGATION_AS_A_MESSAGE, false);
    d.put(DISPLAY_OFFLINE_FORM, true);
    d.put(FILE_UPLOAD_ENABLED, true);
    d.put(LIVECHAT_FILE_UPLOAD_ENABLED, true);
    d.put(FILE_UPLOAD_MAX_FILE_SIZE, 10 * 1024 * 1024);
    // shown to the widget by GET livechat/config, with Rocket.Chat's defaults
    d.put("Livechat_title", "Rocket.Chat");
    d.put("Livechat_title_color", "#C1272D");
    d.put("Livechat_offline_title", "Leave a message");
    d.put("Livechat_offline_title_color", "#666666");
    d.put("Livechat_widget_position", "right");
    d.put("Livechat_background", "");
    d.put("Livechat_hide_expand_chat", false);
    d.put("Livechat_registration_form", true);
    d.put("Livechat_allow_switching_departments", true);
    d.put("Livechat_name_field_registration_form", true);
    d.put("Livechat_email_field_registration_form", true);
    d.put("Language", "");
    d.put("Livechat_enable_transcript", false);
    d.put("Livechat_force_accept_data_processing_consent", false);
    d.put("Livechat_Show_Connecting", false);
    d.put("Livechat_clear_local_storage_when_chat_ended", false);
    d.put("Livechat_hide_watermark", false);
    d.put("Livechat_widget_logo", "");
    d.put("Livechat_offline_message", "");
    d.put("Livechat_offline_success_message", "");
    d.put("Livechat_offline_form_unavailable", "");
    d.put("Livechat_conversation_finished_message", "");
    d.put("Livechat_conversation_finished_text", "");
    d.put("Livechat_transcript_message", "Would you like a copy of this chat emailed?");
    d.put("Livechat_registration_form_message", "");
    d.put("Livechat_data_processing_consent_text", "");
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
