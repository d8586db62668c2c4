package org.livechatcontract.server.domain;

/**
 * An upload whose {@code x-visitor-token} names no visitor, or whose room is not that visitor's open
 * room. Rocket.Chat answers {@code 401 {"success":false,"error":"unauthorized"}}.
 */
public final class VisitorNotAuthorized extends RuntimeException {
  public VisitorNotAuthorized() {
    super("unauthorized", null, false, false);
  }
}
