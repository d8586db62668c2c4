package org.livechatcontract.server.domain;

/** Rocket.Chat's built-in role names that this server knows. */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String USER = "user";
  public static final String BOT = "bot";
  public static final String LIVECHAT_AGENT = "livechat-agent";
  public static final String LIVECHAT_MANAGER = "livechat-manager";
  public static final String LIVECHAT_MONITOR = "livechat-monitor";

  private Roles() {}
}
