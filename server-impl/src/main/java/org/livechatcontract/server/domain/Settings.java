package org.livechatcontract.server.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

  public static final Set<String> ROUTING_METHODS = Set.of("Auto_Selection", "Manual_Selection", "External");

  private static final Map<String, Object> DEFAULTS = defaults();

  private final Map<String, Object> values = new ConcurrentHashMap<>(DEFAULTS);

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(LIVECHAT_ENABLED, true);
    d.put(ROUTING_METHOD, "Auto_Selection");
    d.put(ACCEPT_CHATS_WITH_NO_AGENTS, false);
    d.put(ENABLED_WHEN_AGENT_IDLE, true);
    d.put(SHOW_AGENT_INFO, true);
    d.put(ALLOW_VISITORS_TO_CLOSE, true);
    d.put(GUEST_COUNT, 1);
    return Map.copyOf(d);
  }

  public boolean flag(String id) {
    return (Boolean) values.get(id);
  }

  public String text(String id) {
    return (String) values.get(id);
  }

  public boolean known(String id) {
    return DEFAULTS.containsKey(id);
  }

  /** Sets a known setting, checking the value has the setting's type. */
  public void set(String id, Object value) {
    Object current = DEFAULTS.get(id);
    if (current == null) {
      throw new IllegalArgumentException("unknown setting '" + id + "'");
    }
    if (value == null || !current.getClass().isInstance(value)) {
      throw new IllegalArgumentException("setting '" + id + "' takes a " + current.getClass().getSimpleName().toLowerCase()
          + ", not " + value);
    }
    if (ROUTING_METHOD.equals(id) && !ROUTING_METHODS.contains(value)) {
      throw new IllegalArgumentException("setting '" + id + "' must be one of " + ROUTING_METHODS);
    }
    values.put(id, value);
  }

  /** Every setting's current value, by name. */
  public Map<String, Object> values() {
    return Map.copyOf(values);
  }

  /** Back to Rocket.Chat's defaults. */
  public void reset() {
    values.putAll(DEFAULTS);
  }

  /** The next visitor number for {@code guest-N}, advancing {@code Livechat_guest_count}. */
  public int nextGuestNumber() {
    return (Integer) values.compute(GUEST_COUNT, (k, v) -> (Integer) v + 1) - 1;
  }
}
