package org.livechatcontract.server.stub;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.http.Cors;
import org.livechatcontract.server.http.Docs;
import org.livechatcontract.server.http.Redaction;
import org.livechatcontract.server.http.Traffic;
import org.livechatcontract.server.stub.resource.StubClockResource;
import org.livechatcontract.server.stub.resource.StubJournalResource;
import org.livechatcontract.server.stub.resource.StubRulesResource;
import org.livechatcontract.server.stub.resource.StubStateResource;

/**
 * What the server adds for frontend developers, wired in one place: CORS, the API docs, the access log
 * and request journal, latency and fault rules, and the admin API that controls them and the state.
 */
public final class Stub {
  /** The admin API's resources; each implements one generated {@code org.livechatcontract.stub.api} interface. */
  public static final List<Class<?>> RESOURCES = List.of(
      StubStateResource.class, StubJournalResource.class, StubRulesResource.class, StubClockResource.class);

  private final StubOptions options;
  private final StubClock clock;
  private final StubState state;
  private final Journal journal;
  private final Rules rules;
  private final AtomicLong seq = new AtomicLong();

  /** Call once the start fixture is applied to {@code livechat}: that is the state a reset restores. */
  public Stub(Livechat livechat, StubClock clock, StubOptions options) {
    this.options = options;
    this.clock = clock;
    this.state = new StubState(livechat, clock);
    this.journal = new Journal(options.journalSize());
    // drawn from the server's ids, so a --seed run also draws the same rule probabilities and delays
    this.rules = new Rules(Operations.fromClasspathSpec(), new Random(ByteBuffer.wrap(livechat.ids().bytes(8)).getLong()));
  }

  public StubOptions options() {
    return options;
  }

  /** Adds the fault rules to the Livechat API and, unless it is off, the admin API. */
  public void register(ResourceConfig rc) {
    rc.register(new Faults(rules));
    if (!options.adminApi()) {
      return;
    }
    RESOURCES.forEach(rc::register);
    rc.register(new AbstractBinder() {
      @Override
      protected void configure() {
        bind(state).to(StubState.class);
        bind(journal).to(Journal.class);
        bind(rules).to(Rules.class);
        bind(clock).to(StubClock.class);
      }
    });
  }

  /** The Jetty handlers around the API: access log and journal, then CORS, then the docs beside the API. */
  public Handler around(Handler api) {
    Handler routes = new Handler.Sequence(new Docs(options.adminApi()), api);
    if (options.cors()) {
      Cors cors = new Cors(options.corsOrigins());
      cors.setHandler(routes);
      routes = cors;
    }
    Traffic traffic = new Traffic(Redaction.fromClasspathSpec(), clock, options.adminApi() ? this::record : null);
    traffic.setHandler(routes);
    return traffic;
  }

  private void record(Traffic.Exchange x) {
    journal.add(new Journal.Entry(seq.incrementAndGet(), x.time(), x.method(), x.path(), x.query(), x.requestHeaders(),
        x.requestBody(), x.status(), x.responseBody(), x.elapsedMs(), x.rule()));
  }
}
