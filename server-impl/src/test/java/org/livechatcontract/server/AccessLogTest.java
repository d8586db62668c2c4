package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;

/** One access-log line per request, without secrets (the test JVM logs to the file that surefire names). */
class AccessLogTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @Test
  void everyRequestGetsOneLineAndNoLineHoldsATokenOrAPassword() throws Exception {
    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
    org.junit.jupiter.api.Assumptions.assumeTrue(logFile != null && !logFile.startsWith("System."),
        "runs where the build sends the log to a file (mvn test)");
    String token = "log-" + Ids.secure().id();
    String password = "pw-" + Ids.secure().id();
    server.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + token + "\"}}");
    server.api().get("/api/v1/livechat/room?token=" + token);
    Api.Session manager = server.api().login("manager", "manager");
    server.api().as(manager).get("/api/v1/livechat/visitor/" + token + "/room");
    server.api().post("/api/v1/login", "{\"user\":\"manager\",\"password\":\"" + password + "\"}");

    List<String> lines = Files.readAllLines(Path.of(logFile)).stream().filter(l -> l.contains(" access - ")).toList();
    String all = String.join("\n", lines);
    for (String secret : new String[] {token, password, manager.authToken()}) {
      assertFalse(all.contains(secret), "the access log holds " + secret);
    }
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("GET /api/v1/livechat/visitor/***/room 200")
        || l.matches(".* GET /api/v1/livechat/visitor/\\*\\*\\*/room 200 \\d+ms")), all);
    assertTrue(lines.stream().anyMatch(l -> l.matches(".* GET /api/v1/livechat/room\\?token=\\*\\*\\* 200 \\d+ms")), all);
    assertTrue(lines.stream().anyMatch(l -> l.matches(".* POST /api/v1/login 401 \\d+ms")), all);
  }
}
