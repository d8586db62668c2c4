package org.livechatcontract.server.domain;

/** Whether an agent takes livechat conversations ({@code statusLivechat}). */
public enum AgentStatus {
  AVAILABLE("available"),
  NOT_AVAILABLE("not-available");

  private final String wire;

  AgentStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static AgentStatus fromWire(String value) {
    for (AgentStatus s : values()) {
      if (s.wire.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown livechat status '" + value + "' (expected available or not-available)");
  }
}
