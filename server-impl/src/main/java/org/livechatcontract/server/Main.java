package org.livechatcontract.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.stub.StubClock;
import org.livechatcontract.server.stub.StubOptions;
import org.livechatcontract.server.store.DurableStore;
import org.livechatcontract.server.store.journal.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar livechat-server.jar [--port N] [--host H] [--fixtures FILE] [--data-file PATH] [--seed N] [--clock T] [--validate-responses] ...}; see --help. */
@Command(name = "livechat-server", mixinStandardHelpOptions = true, version = "livechat-contract 0.1.0",
    description = "A contract-first, stateful stand-in for Rocket.Chat's Livechat REST API.",
    sortOptions = false)
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /** Hibernate Validator logs its banner through java.util.logging; held here so the level sticks. */
  private static final java.util.logging.Logger HIBERNATE = java.util.logging.Logger.getLogger("org.hibernate");

  @Option(names = "--port", paramLabel = "N", defaultValue = "${env:LIVECHAT_PORT:-3000}",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}, env LIVECHAT_PORT).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:LIVECHAT_HOST:-127.0.0.1}",
      description = "Address to bind (default: ${DEFAULT-VALUE}, env LIVECHAT_HOST). Use 0.0.0.0 to accept other machines.")
  String host;

  @Option(names = "--fixtures", paramLabel = "FILE", defaultValue = "${env:LIVECHAT_FIXTURES}",
      description = "Start from this fixture (JSON or YAML) instead of the default state (env LIVECHAT_FIXTURES).")
  Path fixtures;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "${env:LIVECHAT_SEED}",
      description = "Make generated ids, secrets and password salts reproducible from this seed (env LIVECHAT_SEED).")
  Long seed;

  @Option(names = "--clock", paramLabel = "INSTANT", defaultValue = "${env:LIVECHAT_CLOCK}",
      description = "Fix the clock at this instant, e.g. 2026-01-01T00:00:00Z; it moves only when the admin API "
          + "advances it (env LIVECHAT_CLOCK).")
  Instant clock;

  @Option(names = "--cors-origins", paramLabel = "ORIGINS", split = ",",
      defaultValue = "${env:LIVECHAT_CORS_ORIGINS:-*}",
      description = "Comma-separated origins that browsers may call from, e.g. http://localhost:5173; "
          + "* allows any (default: ${DEFAULT-VALUE}, env LIVECHAT_CORS_ORIGINS).")
  List<String> corsOrigins;

  @Option(names = "--no-cors", defaultValue = "${env:LIVECHAT_NO_CORS:-false}",
      description = "Send no CORS headers and answer no preflight (env LIVECHAT_NO_CORS=true).")
  boolean noCors;

  @Option(names = "--no-admin-api", defaultValue = "${env:LIVECHAT_NO_ADMIN_API:-false}",
      description = "Do not serve the stub admin API under /api/v1/stub/ (env LIVECHAT_NO_ADMIN_API=true).")
  boolean noAdminApi;

  @Option(names = "--journal-size", paramLabel = "N", defaultValue = "${env:LIVECHAT_JOURNAL_SIZE:-100}",
      description = "How many requests the journal keeps (default: ${DEFAULT-VALUE}, env LIVECHAT_JOURNAL_SIZE).")
  int journalSize;

  @Option(names = "--data-file", paramLabel = "PATH", defaultValue = "${env:LIVECHAT_DATA_FILE}",
      description = "Keep the state in this file (a journal, plus PATH.snapshot and PATH.lock) so that a restart "
          + "or a crash loses nothing acknowledged (env LIVECHAT_DATA_FILE). A new file starts from the fixture.")
  Path dataFile;

  @Option(names = "--compact-after", paramLabel = "SIZE", defaultValue = "${env:LIVECHAT_COMPACT_AFTER:-64m}",
      description = "With --data-file: compact the journal into a snapshot once it grows past SIZE bytes "
          + "(k, m, g suffixes; default: ${DEFAULT-VALUE}, env LIVECHAT_COMPACT_AFTER).")
  String compactAfter;

  @Option(names = "--validate-responses", defaultValue = "${env:LIVECHAT_VALIDATE_RESPONSES:-false}",
      description = "Self-check: check every answer against the spec before sending it; an off-contract answer is "
          + "logged and replaced by a 500 contract-violation naming the broken rule (env LIVECHAT_VALIDATE_RESPONSES).")
  boolean validateResponses;

  public static void main(String[] args) {
    HIBERNATE.setLevel(java.util.logging.Level.WARNING);
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line; returns the exit code (2 for bad options), after the server stops. */
  static int run(String... args) {
    return new CommandLine(new Main())
        .setParameterExceptionHandler((ex, a) -> {
          ex.getCommandLine().getErr().println("livechat-server: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Try --help for the options.");
          return 2;
        })
        .execute(args);
  }

  /** {@code 64m} as bytes; -1 when it is not a size. */
  static long bytes(String size) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d{1,15})([kmg]?)").matcher(size.trim());
    if (!m.matches()) {
      return -1;
    }
    int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 0;
    };
    return Long.parseLong(m.group(1)) << shift;
  }

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      System.err.println("livechat-server: --port must be between 0 and 65535, not " + port);
      return 2;
    }
    if (journalSize < 0) {
      System.err.println("livechat-server: --journal-size must not be negative, not " + journalSize);
      return 2;
    }
    LivechatServer.Config config = LivechatServer.Config.defaults(port).withHost(host)
        .withStub(StubOptions.defaults().withCors(!noCors, corsOrigins).withAdminApi(!noAdminApi)
            .withJournalSize(journalSize));
    if (seed != null) {
      config = config.withIds(Ids.seeded(seed));
    }
    if (clock != null) {
      config = config.withClock(StubClock.fixedAt(clock));
    }
    if (validateResponses) {
      config = config.validatingResponses();
    }
    if (fixtures != null) {
      try {
        Fixture f = FixtureLoader.read(fixtures);
        config = config.withFixture(f, fixtures.toString());
      } catch (FixtureLoader.BadFixture e) {
        System.err.println("livechat-server: bad fixture: " + e.getMessage());
        return 2;
      }
    }
    DurableStore.Options data = null;
    if (dataFile != null) {
      long limit = bytes(compactAfter);
      if (limit <= 0) {
        System.err.println("livechat-server: --compact-after must be a positive size such as 64m, not " + compactAfter);
        return 2;
      }
      data = new DurableStore.Options(dataFile, limit);
    }
    LivechatServer server;
    try {
      server = LivechatServer.start(config, data);
    } catch (JournalException e) {
      System.err.println("livechat-server: data file: " + e.getMessage());
      return 2;
    } catch (FixtureLoader.BadFixture e) {
      System.err.println("livechat-server: bad fixture: " + e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      System.err.println("livechat-server: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        LOG.warn("error while stopping", e);
      }
    }, "shutdown"));
    LOG.info("livechat-contract listening on {} ({}{}{}{}; CORS {}; admin API {}); docs at {}/api-docs",
        server.baseUri(), dataFile == null ? "fixture: " + config.fixtureName() : "data file: " + dataFile,
        seed == null ? "" : "; seed " + seed,
        clock == null ? "" : "; clock fixed at " + clock, validateResponses ? "; validating every response" : "",
        noCors ? "off" : "for " + String.join(", ", corsOrigins),
        noAdminApi ? "off" : "at /api/v1/stub/", server.baseUri());
    server.join();
    return 0;
  }
}
