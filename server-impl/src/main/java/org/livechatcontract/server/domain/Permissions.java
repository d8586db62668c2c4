package org.livechatcontract.server.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which roles hold which permission, starting from Rocket.Chat's defaults
 * ({@code apps/meteor/app/authorization/server/constant/permissions.ts}). Only the permissions this
 * server checks are known.
 */
public final class Permissions {
  public static final String VIEW_LIVECHAT_MANAGER = "view-livechat-manager";
  public static final String VIEW_L_ROOM = "view-l-room";
  public static final String VIEW_LIVECHAT_ROOMS = "view-livechat-rooms";
  public static final String CLOSE_LIVECHAT_ROOM = "close-livechat-room";
  public static final String CLOSE_OTHERS_LIVECHAT_ROOM = "close-others-livechat-room";
  public static final String TRANSFER_LIVECHAT_GUEST = "transfer-livechat-guest";
  public static final String MANAGE_LIVECHAT_AGENTS = "manage-livechat-agents";
  public static final String MANAGE_LIVECHAT_DEPARTMENTS = "manage-livechat-departments";
  public static final String VIEW_LIVECHAT_DEPARTMENTS = "view-livechat-departments";
  public static final String ADD_LIVECHAT_DEPARTMENT_AGENTS = "add-livechat-department-agents";
  public static final String REMOVE_LIVECHAT_DEPARTMENT = "remove-livechat-department";
  public static final String EDIT_OMNICHANNEL_CONTACT = "edit-omnichannel-contact";
  public static final String CREATE_USER = "create-user";
  public static final String EDIT_OTHER_USER_INFO = "edit-other-user-info";
  public static final String VIEW_PRIVILEGED_SETTING = "view-privileged-setting";
  public static final String EDIT_PRIVILEGED_SETTING = "edit-privileged-setting";
  public static final String ACCESS_PERMISSIONS = "access-permissions";

  private static final Map<String, Set<String>> DEFAULTS = defaults();

  /** A permission, the roles that hold it, and when that last changed. */
  public record Permission(String id, Set<String> roles, Instant updatedAt) {
    public Permission {
      roles = Set.copyOf(roles);
    }
  }

  /** One change asked for by {@code permissions.update}. */
  public record Change(String id, List<String> roles) {}

  private final Map<String, Permission> byId = new ConcurrentHashMap<>();

  public Permissions(Instant now) {
    DEFAULTS.forEach((id, roles) -> byId.put(id, new Permission(id, roles, now)));
  }

  private static Map<String, Set<String>> defaults() {
    String manager = Roles.LIVECHAT_MANAGER;
    String monitor = Roles.LIVECHAT_MONITOR;
    String agent = Roles.LIVECHAT_AGENT;
    String admin = Roles.ADMIN;
    Map<String, Set<String>> d = new LinkedHashMap<>();
    d.put(VIEW_LIVECHAT_MANAGER, Set.of(manager, monitor, admin));
    d.put(VIEW_L_ROOM, Set.of(manager, monitor, agent, admin));
    d.put(VIEW_LIVECHAT_ROOMS, Set.of(manager, monitor, admin));
    d.put(CLOSE_LIVECHAT_ROOM, Set.of(manager, monitor, agent, admin));
    d.put(CLOSE_OTHERS_LIVECHAT_ROOM, Set.of(manager, monitor, admin));
    d.put(TRANSFER_LIVECHAT_GUEST, Set.of(manager, monitor, admin));
    d.put(MANAGE_LIVECHAT_AGENTS, Set.of(manager, monitor, admin));
    d.put(MANAGE_LIVECHAT_DEPARTMENTS, Set.of(manager, monitor, admin));
    d.put(VIEW_LIVECHAT_DEPARTMENTS, Set.of(manager, monitor, admin));
    d.put(ADD_LIVECHAT_DEPARTMENT_AGENTS, Set.of(manager, monitor, admin));
    d.put(REMOVE_LIVECHAT_DEPARTMENT, Set.of(manager, admin));
    d.put(EDIT_OMNICHANNEL_CONTACT, Set.of(manager, agent, admin));
    d.put(CREATE_USER, Set.of(admin));
    d.put(EDIT_OTHER_USER_INFO, Set.of(admin));
    d.put(VIEW_PRIVILEGED_SETTING, Set.of(admin));
    d.put(EDIT_PRIVILEGED_SETTING, Set.of(admin));
    d.put(ACCESS_PERMISSIONS, Set.of(admin));
    return d;
  }

  public boolean known(String permission) {
    return byId.containsKey(permission);
  }

  public boolean has(User user, String permission) {
    Permission p = byId.get(permission);
    if (p == null) {
      return false;
    }
    for (String role : user.roles()) {
      if (p.roles().contains(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies {@code permissions.update}: every permission and role must be known, else nothing changes.
   *
   * @return every permission, after the change
   */
  public synchronized List<Permission> update(List<Change> changes, Instant now) {
    for (Change c : changes) {
      if (!known(c.id())) {
        throw LivechatError.failure("Invalid permission", "error-invalid-permission");
      }
    }
    for (Change c : changes) {
      if (!Roles.KNOWN.containsAll(c.roles())) {
        throw LivechatError.failure("Invalid role", "error-invalid-role");
      }
    }
    for (Change c : changes) {
      byId.put(c.id(), new Permission(c.id(), Set.copyOf(c.roles()), now));
    }
    return all();
  }

  /** Every permission, in Rocket.Chat's order. */
  public List<Permission> all() {
    List<Permission> out = new ArrayList<>(DEFAULTS.size());
    for (String id : DEFAULTS.keySet()) {
      out.add(byId.get(id));
    }
    return out;
  }
}
