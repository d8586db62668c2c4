package org.livechatcontract.server.domain;

import org.livechatcontract.server.store.LivechatStore;

/** Rocket.Chat's {@code findGuest} and {@code findRoom}, with the plain errors the visitor endpoints throw. */
final class Lookups {
  private Lookups() {}

  /** The visitor with this token; {@code invalid-token} when it is empty or unknown. */
  static Visitor guest(LivechatStore store, String token) {
    if (token == null || token.isEmpty()) {
      throw LivechatError.plain("invalid-token");
    }
    return store.visitorByToken(token).orElseThrow(() -> LivechatError.plain("invalid-token"));
  }

  /** One of the visitor's rooms, open or closed; {@code invalid-room} otherwise (another visitor's room too). */
  static Room roomOf(LivechatStore store, String token, String rid) {
    return (rid == null || rid.isEmpty() ? java.util.Optional.<Room>empty() : store.roomById(rid))
        .filter(r -> r.visitor().token().equals(token))
        .orElseThrow(() -> LivechatError.plain("invalid-room"));
  }
}
