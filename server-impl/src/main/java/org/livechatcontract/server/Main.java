package org.livechatcontract.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar livechat-server.jar [--port N] [--host H] [--fixtures FILE] [--validate-responses]}. */
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

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      System.err.println("livechat-server: --port must be between 0 and 65535, not " + port);
      return 2;
    }
    LivechatServer.Config config = LivechatServer.Config.defaults(port).withHost(host);
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
    LivechatServer server;
    try {
      server = LivechatServer.start(config);
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
    LOG.info("livechat-contract listening on {} (fixture: {}{})", server.baseUri(), config.fixtureName(),
        validateResponses ? ", validating every response" : "");
    server.join();
    return 0;
  }
}
