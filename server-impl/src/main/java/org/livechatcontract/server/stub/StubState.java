package org.livechatcontract.server.stub;

import java.time.Clock;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.domain.Times;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.server.fixture.FixtureExport;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.store.InMemoryStore;

/**
 * Reset, load and export of the whole state. The state the server started with is kept as an export
 * (ids, password hashes and timestamps included), so a reset restores it exactly.
 */
public final class StubState {
  private final Livechat state;
  private final StubClock clock;
  private final Fixture start;

  /** Call once the start fixture is applied: that state is what {@link #reset} goes back to. */
  public StubState(Livechat state, StubClock clock) {
    this.state = state;
    this.clock = clock;
    this.start = FixtureExport.of(state);
  }

  public synchronized Fixture export() {
    return FixtureExport.of(state);
  }

  /** The start state again, and a fixed clock back at its start. */
  public synchronized void reset() {
    clock.reset();
    replace(start, "start state");
  }

  /**
   * Replaces the state with the document, after checking it whole on a scratch state: a bad document
   * throws {@link FixtureLoader.BadFixture} and changes nothing.
   */
  public synchronized void load(Fixture document) {
    FixtureLoader.apply(document, new Livechat(new InMemoryStore(), Ids.seeded(0), Clock.fixed(clock.instant(),
        clock.getZone())), "document");
    replace(document, "document");
  }

  private void replace(Fixture document, String name) {
    state.store().clear();
    state.settings().reset();
    state.permissions().reset(Times.now(state.clock()));
    FixtureLoader.apply(document, state, name);
    state.store().checkpoint();
  }
}
