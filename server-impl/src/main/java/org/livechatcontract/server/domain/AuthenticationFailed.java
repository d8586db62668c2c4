package org.livechatcontract.server.domain;

/** A login whose credentials match no user. Rocket.Chat answers every such case alike, so nothing leaks. */
public final class AuthenticationFailed extends RuntimeException {
  public AuthenticationFailed() {
    super("Unauthorized", null, false, false);
  }
}
