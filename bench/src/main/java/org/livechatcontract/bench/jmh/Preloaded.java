package org.livechatcontract.bench.jmh;

import java.time.Clock;
import org.livechatcontract.bench.PreloadedServer;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.store.InMemoryStore;

/** The state the micro-benchmarks run against: the default fixture plus N visitors with an open room each. */
final class Preloaded {
  private Preloaded() {}

  static Livechat state(int rooms) {
    Livechat state = new Livechat(new InMemoryStore(), Ids.seeded(1), Clock.systemUTC());
    FixtureLoader.apply(FixtureLoader.readDefault(), state, FixtureLoader.DEFAULT_RESOURCE);
    PreloadedServer.preload(state, rooms);
    return state;
  }

  /** The preloaded tokens, in a shuffled order, so that a run visits the whole store rather than one cache line. */
  static String[] tokens(int rooms) {
    String[] t = new String[rooms];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < rooms; i++) {
      t[i] = PreloadedServer.TOKEN_PREFIX + i;
    }
    for (int i = rooms - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String x = t[i];
      t[i] = t[j];
      t[j] = x;
    }
    return t;
  }
}
