package org.livechatcontract.server.domain;

/** Presence of a user or visitor, as Rocket.Chat names it. */
public enum Status {
  ONLINE("online"),
  AWAY("away"),
  BUSY("busy"),
  OFFLINE("offline");

  private final String wire;

  Status(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Status fromWire(String value) {
    for (Status s : values()) {
      if (s.wire.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + value + "' (expected online, away, busy or offline)");
  }
}
