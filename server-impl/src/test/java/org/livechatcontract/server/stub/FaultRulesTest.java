package org.livechatcontract.server.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.Contract;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** Latency and fault rules: only documented statuses, Rocket.Chat-shaped answers that pass the contract test. */
class FaultRulesTest {
  private static final String RULES = "/api/v1/stub/rules";

  @RegisterExtension
  static final LiveServer server = new LiveServer();

  /** Logged in once: some rules fault the login itself. */
  private static Api admin;

  @BeforeAll
  static void logIn() {
    admin = server.freshAdmin();
  }

  @AfterEach
  void clearRules() {
    assertEquals(200, admin.send("DELETE", RULES, null, null).status());
  }

  private static Reply addRule(String json) {
    return admin.post(RULES, json);
  }

  /** One request per operation of the Livechat API, as the spec describes it (a fault answers before the body is read). */
  private record Call(String operationId, String method, String path, String contentType) {
    Reply send(Api api) {
      if (contentType == null) {
        return api.send(method, path, null, null);
      }
      if (contentType.startsWith("multipart/")) {
        return api.send(method, path, "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--b--\r\n",
            contentType + "; boundary=b");
      }
      return api.send(method, path, "{}", contentType);
    }
  }

  private static List<Call> calls(OpenAPI spec) {
    List<Call> calls = new ArrayList<>();
    spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((m, op) -> calls.add(new Call(
        op.getOperationId(), m.name(), path.replaceAll("\\{[^}]+}", "some-token") + "?token=t",
        op.getRequestBody() == null ? null : op.getRequestBody().getContent().keySet().iterator().next()))));
    return calls;
  }

  @Test
  void everyDocumentedErrorStatusOfEveryOperationCanBeInjectedAndPassesTheContractTest() {
    OpenAPI spec = new OpenAPIV3Parser().read(Contract.SPEC);
    int injected = 0;
    for (Call call : calls(spec)) {
      for (String code : spec.getPaths().values().stream()
          .flatMap(i -> i.readOperations().stream())
          .filter(op -> op.getOperationId().equals(call.operationId()))
          .findFirst().orElseThrow().getResponses().keySet()) {
        int status = Integer.parseInt(code);
        if (status < 400 || status >= 500) { // 500 is the self-check's, and cannot be injected
          continue;
        }
        Reply rule = addRule("{\"operationId\":\"" + call.operationId() + "\",\"status\":" + status + ",\"count\":1}");
        assertEquals(200, rule.status(), rule.body());
        Reply r = call.send(server.api()); // the Api client checks the answer against the spec
        assertEquals(status, r.status(), call + " " + r.body());
        assertEquals(false, r.json().path("success").asBoolean(true));
        assertEquals(rule.json().path("rule").path("id").asText(), r.header("X-Stub-Rule"));
        injected++;
      }
    }
    assertTrue(injected >= 20, "injected " + injected);
  }

  @Test
  void aStatusTheOperationDoesNotDocumentIsRefused() {
    Reply r = addRule("{\"operationId\":\"getLivechatRoom\",\"status\":403}");
    assertEquals(400, r.status());
    assertEquals("getLivechatRoom does not document status 403 as an error; it documents [200, 400, 414, 431, 500]", r.error());
    assertEquals(400, addRule("{\"operationId\":\"getLivechatRoom\",\"status\":500}").status());
    assertEquals(400, addRule("{\"operationId\":\"getLivechatRoom\",\"status\":200}").status());
    assertEquals(400, addRule("{\"operationId\":\"noSuchOperation\",\"status\":400}").status());
    assertEquals(400, addRule("{\"operationId\":\"getLivechatRoom\"}").status(), "neither delay nor status");
    assertEquals(400, addRule("{\"operationId\":\"getLivechatRoom\",\"delay\":{\"minMs\":9,\"maxMs\":1}}").status());
    assertEquals(400, addRule("{\"operationId\":\"getLivechatRoom\",\"status\":400,\"probability\":2}").status());
    assertEquals(0, admin.get(RULES).json().path("rules").size());
  }

  @Test
  void aFaultWithACountAnswersThatManyRequestsThenTheOperationRunsAgain() {
    String token = server.newVisitor();
    Reply rule = addRule("{\"operationId\":\"getLivechatRoom\",\"status\":400,\"error\":\"invalid-token\",\"count\":2}");
    assertEquals(2, rule.json().path("rule").path("count").asInt());
    for (int i = 0; i < 2; i++) {
      Reply r = server.api().get("/api/v1/livechat/room?token=" + token);
      assertEquals(400, r.status());
      assertEquals("invalid-token", r.error());
    }
    Reply served = server.api().get("/api/v1/livechat/room?token=" + token);
    assertEquals(200, served.status());
    assertTrue(served.json().path("newRoom").asBoolean(), "the faults ran before the operation: no room was made");
    assertNull(served.header("X-Stub-Rule"));
    assertEquals(2, admin.get(RULES).json().path("rules").get(0).path("applied").asInt());
  }

  @Test
  void aRuleWithProbabilityZeroNeverFires() {
    addRule("{\"operationId\":\"registerVisitor\",\"status\":400,\"probability\":0}");
    for (int i = 0; i < 5; i++) {
      server.newVisitor();
    }
    assertEquals(0, admin.get(RULES).json().path("rules").get(0).path("applied").asInt());
  }

  @Test
  void anInjectedUnauthorizedHasRocketChatsFourKeys() {
    addRule("{\"operationId\":\"login\",\"status\":401,\"count\":1}");
    Reply r = server.api().post("/api/v1/login", "{\"user\":\"admin\",\"password\":\"admin\"}");
    assertEquals(401, r.status());
    assertEquals("{\"success\":false,\"error\":\"You must be logged in to do this.\",\"status\":\"error\","
        + "\"message\":\"You must be logged in to do this.\"}", r.body());
  }

  @Test
  void aDelayRuleDelaysTheAnswerAndTheJournalSaysWhichRule() {
    String token = server.newVisitor();
    String id = addRule("{\"operationId\":\"getLivechatRoom\",\"delay\":{\"fixedMs\":300}}")
        .json().path("rule").path("id").asText();
    long started = System.nanoTime();
    Reply r = server.api().get("/api/v1/livechat/room?token=" + token);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, r.status());
    assertEquals(id, r.header("X-Stub-Rule"));
    assertTrue(elapsedMs >= 300, "answered after " + elapsedMs + " ms");
    Reply journal = admin.get("/api/v1/stub/journal?path=/livechat/room&limit=1");
    assertEquals(id, journal.json().path("entries").get(0).path("rule").asText());
    assertTrue(journal.json().path("entries").get(0).path("elapsedMs").asLong() >= 300, journal.body());
  }

  @Test
  void theDelaysOfAllRulesApplyAndTheFirstFaultAnswers() {
    String token = server.newVisitor();
    String slow = addRule("{\"operationId\":\"getLivechatRoom\",\"delay\":{\"fixedMs\":100}}")
        .json().path("rule").path("id").asText();
    String fault = addRule("{\"operationId\":\"getLivechatRoom\",\"status\":400,\"error\":\"invalid-token\",\"count\":1}")
        .json().path("rule").path("id").asText();
    String shadowed = addRule("{\"operationId\":\"getLivechatRoom\",\"status\":414}").json().path("rule").path("id").asText();
    Reply first = server.api().get("/api/v1/livechat/room?token=" + token);
    assertEquals(400, first.status());
    assertEquals(slow + "," + fault, first.header("X-Stub-Rule"));
    Reply second = server.api().get("/api/v1/livechat/room?token=" + token);
    assertEquals(414, second.status(), "the first fault's count is spent; the next one answers");
    assertEquals(slow + "," + shadowed, second.header("X-Stub-Rule"));
    var rules = admin.get(RULES).json().path("rules");
    assertEquals(List.of(2, 1, 1), List.of(rules.get(0).path("applied").asInt(), rules.get(1).path("applied").asInt(),
        rules.get(2).path("applied").asInt()));
  }

  @Test
  void aRandomDelayStaysWithinItsBounds() {
    addRule("{\"operationId\":\"registerVisitor\",\"delay\":{\"minMs\":20,\"maxMs\":60},\"count\":3}");
    for (int i = 0; i < 3; i++) {
      server.newVisitor();
    }
    Reply journal = admin.get("/api/v1/stub/journal?path=/livechat/visitor&limit=3");
    for (var e : journal.json().path("entries")) {
      assertTrue(e.path("elapsedMs").asLong() >= 20, journal.body());
    }
    Reply rules = admin.get(RULES);
    assertEquals(3, rules.json().path("rules").get(0).path("applied").asInt());
    assertEquals(20, rules.json().path("rules").get(0).path("delay").path("minMs").asInt());
  }
}
