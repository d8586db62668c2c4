package org.livechatcontract.server.domain;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.livechatcontract.server.store.LivechatStore;

/**
 * Who serves a room (Rocket.Chat's {@code QueueManager}, {@code RoutingManager} and
 * {@code departmentsLib}, CE behaviour): the online-agent rule, departments with their fallbacks, and
 * Auto_Selection's least busy agent.
 */
public final class Router {
  private final LivechatStore store;
  private final Settings settings;

  public Router(LivechatStore store, Settings settings) {
    this.store = store;
    this.settings = settings;
  }

  /** Where a new room goes: its agent (if one serves it at once), its department and its inquiry's state. */
  public record Decision(Optional<User> agent, String departmentId, Inquiry.State state,
      Inquiry.DefaultAgent defaultAgent) {}

  /** An agent found for a department, and the department (maybe a fallback) they were found in. */
  public record Placement(User agent, String departmentId) {}

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
   * Checks that a room may be opened, then decides where it goes, in Rocket.Chat's order: the default
   * agent (the requested one, or a bot when bots get new conversations), the department (the visitor's,
   * or the first one offered at registration that has someone online), the "no agents online" refusal,
   * the inquiry's state, and for a {@code ready} inquiry the agent.
   *
   * @param requested         the user named by {@code agentId}, if it names one
   * @param visitorDepartment the visitor's department {@code _id}, or null
   * @throws LivechatError when Livechat is off, or nobody could serve the room and unserved rooms are not accepted
   */
  public Decision route(Optional<User> requested, String visitorDepartment) {
    if (!settings.flag(Settings.LIVECHAT_ENABLED)) {
      throw LivechatError.meteor("error-omnichannel-is-disabled");
    }
    Optional<User> defaultAgent = requested.isPresent() ? requested : nextBot(visitorDepartment);
    String department = visitorDepartment;
    if (defaultAgent.isEmpty() && department == null) {
      department = requiredDepartment().map(Department::id).orElse(null);
    }
    String online = department == null ? null : onlineDepartment(department).orElse(null);
    // With a default agent Rocket.Chat skips the "no agents online" check: the room opens unserved.
    if (defaultAgent.isEmpty() && !settings.flag(Settings.ACCEPT_CHATS_WITH_NO_AGENTS)) {
      boolean nobody = department != null ? online == null : store.agents().stream().noneMatch(this::isOnline);
      if (nobody) {
        throw LivechatError.meteor("no-agent-online", "Sorry, no online agents");
      }
    }
    String roomDepartment = online != null ? online : department;
    Inquiry.DefaultAgent asked = defaultAgent.map(u -> new Inquiry.DefaultAgent(u.id(), u.username())).orElse(null);
    boolean bot = defaultAgent.filter(u -> u.hasRole(Roles.BOT)).isPresent();
    if (!bot && (settings.flag(Settings.WAITING_QUEUE) || !settings.autoAssigns())) {
      return new Decision(Optional.empty(), roomDepartment, Inquiry.State.QUEUED, asked);
    }
    Optional<User> agent = defaultAgent.filter(this::isOnline).or(() -> nextAgent(roomDepartment, null));
    return new Decision(agent, roomDepartment, agent.isPresent() ? Inquiry.State.TAKEN : Inquiry.State.READY, asked);
  }

  /**
   * Auto_Selection's choice: the least busy online agent, in the department (only its listed agents,
   * and only while it is enabled) or anywhere when there is none. Other routing methods choose nobody.
   */
  public Optional<User> nextAgent(String departmentId, String excludeAgentId) {
    if (!Settings.AUTO_SELECTION.equals(settings.text(Settings.ROUTING_METHOD))) {
      return Optional.empty();
    }
    Stream<User> candidates = departmentId == null
        ? store.agents().stream()
        : store.departmentById(departmentId).stream().flatMap(this::agentsOf);
    return leastBusy(candidates.filter(u -> !u.id().equals(excludeAgentId)));
  }

  /** {@link #nextAgent} in the department, else in its fallback department, and so on down the chain. */
  public Optional<Placement> placeIn(String departmentId, String excludeAgentId) {
    Set<String> seen = new HashSet<>();
    for (String id = departmentId; id != null && seen.add(id); ) {
      Optional<User> agent = nextAgent(id, excludeAgentId);
      if (agent.isPresent()) {
        return Optional.of(new Placement(agent.get(), id));
      }
      id = store.departmentById(id).map(Department::fallbackForwardDepartment).orElse(null);
    }
    return Optional.empty();
  }

  /** The department, or the first down its fallback chain, that has an online agent (Rocket.Chat's {@code getDepartment}). */
  private Optional<String> onlineDepartment(String departmentId) {
    Set<String> seen = new HashSet<>();
    for (String id = departmentId; id != null && seen.add(id); ) {
      Optional<Department> d = store.departmentById(id);
      if (d.isPresent() && hasOnlineAgent(d.get())) {
        return Optional.of(id);
      }
      id = d.map(Department::fallbackForwardDepartment).orElse(null);
    }
    return Optional.empty();
  }

  /** Rocket.Chat's {@code getRequiredDepartment}: the first enabled department offered at registration with someone online. */
  private Optional<Department> requiredDepartment() {
    return store.departments().stream()
        .filter(d -> d.enabled() && d.showOnRegistration() && hasOnlineAgent(d))
        .findFirst();
  }

  /** With {@code Livechat_assign_new_conversation_to_bot}: the least busy bot agent, of the department if there is one. */
  private Optional<User> nextBot(String departmentId) {
    if (!settings.flag(Settings.ASSIGN_NEW_CONVERSATION_TO_BOT)) {
      return Optional.empty();
    }
    Stream<User> agents = departmentId == null
        ? store.agents().stream()
        : store.departmentById(departmentId).stream().flatMap(this::agentsOf);
    return leastBusy(agents.filter(u -> u.hasRole(Roles.BOT)));
  }

  private boolean hasOnlineAgent(Department d) {
    return agentsOf(d).anyMatch(this::isOnline);
  }

  /** The department's agents, while it is enabled ({@code departmentEnabled} on Rocket.Chat's agent records). */
  private Stream<User> agentsOf(Department d) {
    if (!d.enabled()) {
      return Stream.empty();
    }
    return d.agents().stream().map(a -> store.userById(a.agentId())).flatMap(Optional::stream);
  }

  /** The online user with the fewest open chats; ties go to the first username. */
  private Optional<User> leastBusy(Stream<User> users) {
    return users.filter(this::isOnline)
        .min(Comparator.comparingInt((User u) -> store.openRoomCountByAgent(u.id())).thenComparing(User::username));
  }

  /**
   * The agent routing would pick for a new room now: Auto_Selection's least busy online agent, in
   * the department (down its fallback chain) when one is given, anywhere otherwise; nobody under other methods.
   */
  public Optional<User> nextAgent(String departmentId) {
    if (departmentId == null) {
      return nextAgent(null, null);
    }
    return placeIn(departmentId, null).map(Placement::agent);
  }

  /**
   * Whether a new chat would be taken ({@code config.online}): unserved chats are accepted, or a bot
   * takes new chats and one is online, or an agent is online in the department (down its fallback
   * chain), or anywhere when no department is given.
   */
  public boolean online(String departmentId) {
    if (settings.flag(Settings.ACCEPT_CHATS_WITH_NO_AGENTS) || nextBot(departmentId).filter(this::isOnline).isPresent()) {
      return true;
    }
    if (departmentId != null) {
      return onlineDepartment(departmentId).isPresent();
    }
    return store.agents().stream().anyMatch(this::isOnline);
  }

}
