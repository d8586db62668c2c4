package org.livechatcontract.server.domain;

/** A fixed set of monitors that serialise work per key (a visitor token, a user id) without a lock per key. */
public final class Stripes {
  private final Object[] locks;

  public Stripes(int count) {
    locks = new Object[Integer.highestOneBit(Math.max(1, count - 1)) << 1];
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  public Object of(String key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    return locks[h & (locks.length - 1)];
  }
}
