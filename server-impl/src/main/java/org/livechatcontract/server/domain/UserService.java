package org.livechatcontract.server.domain;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.livechatcontract.server.store.LivechatStore;

/**
 * Users as Rocket.Chat's admin API manages them: {@code users.create}, {@code users.setStatus}, the
 * livechat agent and manager roles ({@code livechat/users/:type}) and an agent's availability
 * ({@code livechat/agent.status}).
 */
public final class UserService {
  /** Rocket.Chat's default {@code UTF8_User_Names_Validation}. */
  private static final Pattern USERNAME = Pattern.compile("^[0-9a-zA-Z-_.]+$");
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Map<String, String> SAVE_USER = Map.of("method", "insertOrUpdateUser");

  private final LivechatStore store;
  private final DepartmentService departments;
  private final Permissions permissions;
  private final Ids ids;
  private final Clock clock;
  private final Object creation = new Object();

  public UserService(LivechatStore store, DepartmentService departments, Permissions permissions, Ids ids, Clock clock) {
    this.store = store;
    this.departments = departments;
    this.permissions = permissions;
    this.ids = ids;
    this.clock = clock;
  }

  /** The livechat roles of {@code livechat/users/:type}. */
  public enum LivechatRole {
    AGENT(Roles.LIVECHAT_AGENT),
    MANAGER(Roles.LIVECHAT_MANAGER);

    private final String role;

    LivechatRole(String role) {
      this.role = role;
    }

    public String role() {
      return role;
    }

    /** {@code agent} or {@code manager}; anything else is Rocket.Chat's plain {@code Invalid type}. */
    public static LivechatRole ofType(String type) {
      if ("agent".equals(type)) {
        return AGENT;
      }
      if ("manager".equals(type)) {
        return MANAGER;
      }
      throw LivechatError.plain("Invalid type");
    }
  }

  /** What {@code users.create} carries; {@code roles} and {@code active} may be null. */
  public record NewUser(String username, String name, String email, String password, List<String> roles,
      Boolean active) {}

  /** Rocket.Chat's {@code saveUser} for a new user, with its checks in its order. */
  public User create(User caller, NewUser n) {
    if (!permissions.has(caller, Permissions.CREATE_USER)) {
      throw LivechatError.meteor("error-action-not-allowed", "Adding user is not allowed", SAVE_USER);
    }
    if (!USERNAME.matcher(n.username()).matches()) {
      throw LivechatError.meteor("error-input-is-not-a-valid-field", n.username() + " is not a valid username",
          SAVE_USER);
    }
    String email = n.email().trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw LivechatError.meteor("error-invalid-email", "Invalid email " + n.email(), SAVE_USER);
    }
    Set<String> roles = n.roles() == null ? Set.of(Roles.USER) : Set.copyOf(n.roles());
    if (!Roles.KNOWN.containsAll(roles)) {
      throw LivechatError.meteor("error-invalid-role", "Invalid role");
    }
    synchronized (creation) {
      if (store.userByUsername(n.username()).isPresent()) {
        throw LivechatError.meteor("error-field-unavailable", n.username() + " is already in use :(", SAVE_USER);
      }
      if (store.userByEmail(email).isPresent()) {
        throw LivechatError.meteor("error-field-unavailable", email + " is already in use :(", SAVE_USER);
      }
      User user = new User(ids.id(), n.username(), n.name(), email, Secrets.hashPassword(n.password()), roles,
          Status.OFFLINE, Status.OFFLINE, AgentStatus.NOT_AVAILABLE, n.active() == null || n.active(), List.of(),
          Times.now(clock));
      store.saveUser(user);
      return user;
    }
  }

  /**
   * {@code users.setStatus}: the caller's presence, or (with {@code edit-other-user-info}) another
   * user's, named by id or username.
   */
  public void setStatus(User caller, String status, String userId, String username) {
    boolean named = given(userId) || given(username);
    boolean self = !named || caller.id().equals(userId) || caller.username().equals(username);
    User target = caller;
    if (!self) {
      if (!permissions.has(caller, Permissions.EDIT_OTHER_USER_INFO)) {
        throw LivechatError.forbidden();
      }
      target = (given(userId) ? store.userById(userId) : store.userByUsername(username))
          .orElseThrow(() -> LivechatError.meteor("error-invalid-user",
              "The required \"userId\" or \"username\" param provided does not match any users"));
    }
    if (status == null || status.isEmpty()) {
      return;
    }
    Status next;
    try {
      next = Status.fromWire(status);
    } catch (IllegalArgumentException e) {
      throw LivechatError.meteor("error-invalid-status", "Valid status types include online, away, offline, and busy.",
          Map.of("method", "users.setStatus"));
    }
    store.updateUser(target.id(), u -> u.withStatus(next));
  }

  /**
   * Gives the user the role ({@code addAgent} / {@code addManager}); a new agent becomes available.
   *
   * @throws LivechatError {@code error-invalid-user} when no user has that username
   */
  public User addRole(LivechatRole role, String username) {
    User user = store.userByUsername(username).orElseThrow(() -> LivechatError.plain("error-invalid-user"));
    return store.updateUser(user.id(), u -> {
      Set<String> roles = new HashSet<>(u.roles());
      roles.add(role.role());
      User withRole = u.withRoles(roles);
      return role == LivechatRole.AGENT ? withRole.withStatusLivechat(AgentStatus.AVAILABLE) : withRole;
    }).orElseThrow(() -> LivechatError.plain("error-invalid-user"));
  }

  /** Takes the role away; a removed agent becomes unavailable and leaves every department. */
  public void removeRole(LivechatRole role, String userId) {
    User user = store.userById(userId).orElseThrow(() -> LivechatError.plain("error-invalid-user"));
    store.updateUser(user.id(), u -> {
      Set<String> roles = new HashSet<>(u.roles());
      roles.remove(role.role());
      User without = u.withRoles(roles);
      return role == LivechatRole.AGENT ? without.withStatusLivechat(AgentStatus.NOT_AVAILABLE) : without;
    });
    if (role == LivechatRole.AGENT) {
      departments.removeAgentEverywhere(userId);
    }
  }

  /** What the livechat user list is filtered by; any may be null. */
  public record Filter(String text, Boolean onlyAvailable, String excludeId) {}

  /**
   * The agents or managers, by name then username. Listing agents needs {@code transfer-livechat-guest}
   * or {@code edit-omnichannel-contact}, listing managers {@code view-livechat-manager}.
   */
  public Page<User> list(User caller, String type, Filter filter, Integer offset, Integer count) {
    LivechatRole role = LivechatRole.ofType(type);
    boolean allowed = role == LivechatRole.AGENT
        ? permissions.has(caller, Permissions.TRANSFER_LIVECHAT_GUEST)
            || permissions.has(caller, Permissions.EDIT_OMNICHANNEL_CONTACT)
        : permissions.has(caller, Permissions.VIEW_LIVECHAT_MANAGER);
    if (!allowed) {
      throw LivechatError.forbidden();
    }
    String text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
    List<User> users = store.usersWithRole(role.role()).stream()
        .filter(u -> text == null || contains(u.name(), text) || contains(u.username(), text))
        .filter(u -> !Boolean.TRUE.equals(filter.onlyAvailable()) || u.statusLivechat() == AgentStatus.AVAILABLE)
        .filter(u -> filter.excludeId() == null || !u.id().equals(filter.excludeId()))
        .sorted(Comparator.comparing((User u) -> u.name() == null ? "" : u.name()).thenComparing(User::username))
        .toList();
    return Page.of(users, offset, count);
  }

  /** The user with this id if they have the role. */
  public Optional<User> get(String type, String userId) {
    LivechatRole role = LivechatRole.ofType(type);
    return store.userById(userId).filter(u -> u.hasRole(role.role()));
  }

  /**
   * {@code livechat/agent.status}: sets (or, without {@code status}, toggles) an agent's availability.
   * Another agent's needs {@code manage-livechat-agents}.
   *
   * @return the availability after the call
   */
  public AgentStatus setAgentStatus(User caller, AgentStatus status, String agentId) {
    String id = given(agentId) ? agentId : caller.id();
    User agent = store.userById(id).filter(u -> u.hasRole(Roles.LIVECHAT_AGENT))
        .orElseThrow(() -> LivechatError.notFound("Agent not found"));
    if (!agent.active()) {
      throw LivechatError.plain("error-user-deactivated");
    }
    AgentStatus next = status != null ? status
        : agent.statusLivechat() == AgentStatus.AVAILABLE ? AgentStatus.NOT_AVAILABLE : AgentStatus.AVAILABLE;
    if (next == agent.statusLivechat()) {
      return next;
    }
    if (!id.equals(caller.id()) && !permissions.has(caller, Permissions.MANAGE_LIVECHAT_AGENTS)) {
      throw LivechatError.forbidden();
    }
    store.updateUser(id, u -> u.withStatusLivechat(next));
    return next;
  }

  private static boolean given(String s) {
    return s != null && !s.isEmpty();
  }

  private static boolean contains(String value, String lowerNeedle) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }
}
