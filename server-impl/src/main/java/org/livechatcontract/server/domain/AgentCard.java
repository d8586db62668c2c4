package org.livechatcontract.server.domain;

/**
 * An agent as a visitor sees them (Rocket.Chat's {@code normalizeAgent}): {@code {hiddenInfo:true}}
 * alone when {@code Livechat_show_agent_info} is off; the email only while {@code Livechat_show_agent_email} is on.
 */
public record AgentCard(String id, String username, String name, Status status, String email, boolean hiddenInfo) {
  public static AgentCard of(User u, Settings settings) {
    if (!settings.flag(Settings.SHOW_AGENT_INFO)) {
      return new AgentCard(null, null, null, null, null, true);
    }
    return new AgentCard(u.id(), u.username(), u.name(), u.status(),
        settings.flag(Settings.SHOW_AGENT_EMAIL) ? u.email() : null, false);
  }
}
