package org.livechatcontract.server.domain;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which roles hold which permission, starting from Rocket.Chat's defaults. */
public final class Permissions {
  public static final String VIEW_LIVECHAT_MANAGER = "view-livechat-manager";
  public static final String VIEW_L_ROOM = "view-l-room";
  /** Not Rocket.Chat's: the right to use this server's stub admin API ({@code /api/v1/stub/...}). */
  public static final String STUB_ADMIN = "stub-admin";

  private final Map<String, Set<String>> rolesByPermission = new ConcurrentHashMap<>();

  public Permissions() {
    rolesByPermission.put(VIEW_LIVECHAT_MANAGER,
        Set.of(Roles.LIVECHAT_MANAGER, Roles.LIVECHAT_MONITOR, Roles.ADMIN));
    rolesByPermission.put(VIEW_L_ROOM,
        Set.of(Roles.LIVECHAT_MANAGER, Roles.LIVECHAT_MONITOR, Roles.LIVECHAT_AGENT, Roles.ADMIN));
    rolesByPermission.put(STUB_ADMIN, Set.of(Roles.ADMIN));
  }

  public boolean known(String permission) {
    return rolesByPermission.containsKey(permission);
  }

  public boolean has(User user, String permission) {
    Set<String> roles = rolesByPermission.getOrDefault(permission, Set.of());
    for (String role : user.roles()) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public void setRoles(String permission, Set<String> roles) {
    rolesByPermission.put(permission, Set.copyOf(roles));
  }
}
