package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.livechatcontract.server.contract.ResponseContract;

/**
 * Self-check mode ({@code --validate-responses}) end to end: the server is started against a stricter copy
 * of the spec, so that its ordinary answers break it, and each off-contract answer must reach the client
 * as the documented 500 {@code contract-violation} naming the broken rule.
 */
class SelfCheckModeTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The real spec, changed by {@code edit}. */
  static ResponseContract stricterSpec(Consumer<ObjectNode> edit) throws Exception {
    try (InputStream in = SelfCheckModeTest.class.getClassLoader().getResourceAsStream(ResponseContract.SPEC_RESOURCE)) {
      ObjectNode spec = (ObjectNode) YAML.readTree(in);
      edit.accept(spec);
      return ResponseContract.fromYaml(spec.toString());
    }
  }

  static HttpResponse<String> send(LivechatServer server, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertContractViolation(HttpResponse<String> r, String rule, int replacedStatus, String mentioned)
      throws Exception {
    assertEquals(500, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    JsonNode body = JSON.readTree(r.body());
    assertEquals(false, body.path("success").asBoolean(true));
    assertEquals("contract-violation", body.path("error").asText());
    assertEquals(rule, body.path("rule").asText());
    assertEquals("getLivechatRoom", body.path("operationId").asText());
    assertEquals(replacedStatus, body.path("status").asInt());
    assertTrue(body.path("violations").toString().contains(mentioned), body.toString());
    assertTrue(ResponseContract.fromClasspathSpec().check("GET", "/api/v1/livechat/room", 500, "application/json",
        name -> r.headers().firstValue(name).orElse(null), body).isEmpty(), "the stand-in keeps the real spec");
  }

  @Test
  void anAnswerWhoseBodyBreaksItsSchemaIsReplacedByA500NamingResponseSchema() throws Exception {
    ResponseContract contract = stricterSpec(spec -> {
      ObjectNode room = (ObjectNode) spec.at("/components/schemas/RoomResponse");
      room.withArray("required").add("unicorn");
      room.with("properties").set("unicorn", JSON.createObjectNode().put("type", "string"));
    });
    try (LivechatServer server = LivechatServer.start(LivechatServer.Config.defaults(0).withResponseContract(contract))) {
      assertEquals(200, send(server, "POST", "/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"self-check\"}}")
          .statusCode());
      assertContractViolation(send(server, "GET", "/api/v1/livechat/room?token=self-check", null),
          "response-schema", 200, "unicorn");
    }
  }

  @Test
  void anUndocumentedStatusIsReplacedByA500NamingStatusDocumented() throws Exception {
    ResponseContract contract = stricterSpec(spec ->
        ((ObjectNode) spec.at("/paths/~1api~1v1~1livechat~1room/get/responses")).remove("400"));
    try (LivechatServer server = LivechatServer.start(LivechatServer.Config.defaults(0).withResponseContract(contract))) {
      assertContractViolation(send(server, "GET", "/api/v1/livechat/room?token=nobody", null),
          "status-documented", 400, "status 400 is not documented for getLivechatRoom");
    }
  }
}
