package org.livechatcontract.server.domain;

import java.util.Set;

/** Rocket.Chat's built-in role names that this server knows. */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String USER = "user";
  public static final String BOT = "bot";
  public static final String LIVECHAT_AGENT = "livechat-agent";
  public static final String LIVECHAT_MANAGER = "livechat-manager";
  public static final String LIVECHAT_MONITOR = "livechat-monitor";

  /** Every role a user may be given or a permission granted to: Rocket.Chat's built-in ones. */
  public static final Set<String> KNOWN = Set.of(ADMIN, USER, BOT, LIVECHAT_AGENT, LIVECHAT_MANAGER, LIVECHAT_MONITOR,
      "owner", "moderator", "guest", "anonymous", "app");

  private Roles() {}
}
