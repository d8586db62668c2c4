package org.livechatcontract.server.domain;

import java.util.Comparator;
import java.util.Optional;
import org.livechatcontract.server.store.LivechatStore;

/** Who serves a new room (Rocket.Chat's {@code QueueManager} and {@code RoutingManager}, CE behaviour). */
public final class Router {
  private final LivechatStore store;
  private final Settings settings;

  public Router(LivechatStore store, Settings settings) {
    this.store = store;
    this.settings = settings;
  }

  /**
   * An agent counts as online when they have the {@code livechat-agent} role, are available for
   * livechat and active, are connected (or are a bot), and, when {@code Livechat_enabled_when_agent_idle}
   * is off, are not away.
   */
  public boolean isOnline(User u) {
    return u.hasRole(Roles.LIVECHAT_AGENT)
        && u.statusLivechat() == AgentStatus.AVAILABLE
        && u.active()
        && (u.hasRole(Roles.BOT) || (u.status() != null && u.status() != Status.OFFLINE))
        && (settings.flag(Settings.ENABLED_WHEN_AGENT_IDLE) || u.statusConnection() != Status.AWAY);
  }

  /**
   * Checks that a room may be opened, then picks its agent.
   *
   * @param requested the user named by {@code agentId}, if it names one
   * @return the serving agent, or empty when the room is to stay unserved
   * @throws LivechatError when Livechat is off, or nobody could serve the room and unserved rooms are not accepted
   */
  public Optional<User> route(Optional<User> requested) {
    if (!settings.flag(Settings.LIVECHAT_ENABLED)) {
      throw LivechatError.meteor("error-omnichannel-is-disabled");
    }
    Optional<User> leastBusy = leastBusyOnlineAgent();
    // With a requested agent Rocket.Chat skips the "no agents online" check: the room opens unserved.
    if (requested.isEmpty() && leastBusy.isEmpty() && !settings.flag(Settings.ACCEPT_CHATS_WITH_NO_AGENTS)) {
      throw LivechatError.meteor("no-agent-online", "Sorry, no online agents");
    }
    if (!"Auto_Selection".equals(settings.text(Settings.ROUTING_METHOD))) {
      return Optional.empty(); // Manual_Selection and External leave the room queued for an agent to take
    }
    if (requested.isPresent() && isOnline(requested.get())) {
      return requested;
    }
    return leastBusy;
  }

  /** Auto_Selection: the online agent with the fewest open chats; ties go to the first username. */
  private Optional<User> leastBusyOnlineAgent() {
    return store.agents().stream()
        .filter(this::isOnline)
        .min(Comparator.comparingInt((User u) -> store.openRoomCountByAgent(u.id())).thenComparing(User::username));
  }

  /** The agent routing would pick for a new room now: Auto_Selection's least busy online agent; nobody otherwise. */
  public Optional<User> nextAgent() {
    return "Auto_Selection".equals(settings.text(Settings.ROUTING_METHOD)) ? leastBusyOnlineAgent() : Optional.empty();
  }

  /** Whether a new chat would be taken: unserved chats are accepted, or some agent is online. */
  public boolean online() {
    return settings.flag(Settings.ACCEPT_CHATS_WITH_NO_AGENTS) || store.agents().stream().anyMatch(this::isOnline);
  }
}
