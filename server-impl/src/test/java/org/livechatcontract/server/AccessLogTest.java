package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.SecretTraffic;

/** One access-log line per request, without secrets (the test JVM logs to the file that surefire names). */
class AccessLogTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @Test
  void everyRequestGetsOneLineAndNoLineHoldsATokenOrAPassword() throws Exception {
    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
    org.junit.jupiter.api.Assumptions.assumeTrue(logFile != null && !logFile.startsWith("System."),
        "runs where the build sends the log to a file (mvn test)");
    int before = accessLines(logFile).size();
    SecretTraffic traffic = SecretTraffic.send(server);

    // a line is written when the exchange completes, which may be just after the client has its answer
    List<String> lines = accessLines(logFile);
    for (long end = System.nanoTime() + 5_000_000_000L; lines.size() < before + SecretTraffic.REQUESTS
        && System.nanoTime() < end; lines = accessLines(logFile)) {
      Thread.sleep(20);
    }
    lines = lines.subList(before, lines.size());
    assertEquals(SecretTraffic.REQUESTS, lines.size(), String.join("\n", lines));
    String all = String.join("\n", lines);
    for (String secret : traffic.secrets()) {
      assertFalse(all.contains(secret), "the access log holds " + secret);
    }
    assertTrue(lines.stream().anyMatch(l -> l.matches(".* GET /api/v1/livechat/visitor/\\*\\*\\*/room 200 \\d+ms")), all);
    assertTrue(lines.stream().anyMatch(l -> l.matches(".* GET /api/v1/livechat/room\\?token=\\*\\*\\* 200 \\d+ms")), all);
    assertTrue(lines.stream().anyMatch(l -> l.matches(".* POST /api/v1/login 401 \\d+ms")), all);
  }

  private static List<String> accessLines(String logFile) throws java.io.IOException {
    return Files.readAllLines(Path.of(logFile)).stream().filter(l -> l.contains(" access - ")).toList();
  }
}
