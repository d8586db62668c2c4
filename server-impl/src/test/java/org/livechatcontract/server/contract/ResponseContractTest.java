package org.livechatcontract.server.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.livechatcontract.server.contract.ResponseContract.Rule;
import org.livechatcontract.server.contract.ResponseContract.Violation;

/** The self-check's judge: each rule, on answers crafted to keep or break it. */
class ResponseContractTest {
  static final ResponseContract CONTRACT = ResponseContract.fromClasspathSpec();
  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");
  static final String ROOM = "/api/v1/livechat/room";

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static Optional<Violation> check(String method, String path, int status, String type, Map<String, String> headers,
      String body) {
    return CONTRACT.check(method, path, status, type, name -> headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null),
        body == null ? null : json(body));
  }

  static Violation broken(Optional<Violation> v) {
    assertTrue(v.isPresent(), "expected a violation");
    return v.get();
  }

  @Test
  void aDocumentedErrorWithItsHeaderKeepsTheContract() {
    assertEquals(Optional.empty(), check("GET", "/api/v1/me", 401, "application/json", NO_STORE,
        "{\"success\":false,\"error\":\"x\",\"status\":\"error\",\"message\":\"x\"}"));
  }

  @Test
  void aStatusTheOperationDoesNotDocumentBreaksStatusDocumented() {
    Violation v = broken(check("GET", ROOM, 409, "application/json", NO_STORE, "{\"success\":false,\"error\":\"x\"}"));
    assertEquals(Rule.STATUS_DOCUMENTED, v.rule());
    assertEquals("getLivechatRoom", v.operationId());
    assertEquals(409, v.status());
  }

  @Test
  void aNumberWhereTheSchemaSaysStringBreaksResponseSchemaAndSaysWhere() {
    Violation v = broken(check("GET", "/api/v1/livechat/visitor/abc/room", 200, "application/json", Map.of(),
        "{\"rooms\":[{\"_id\":7,\"t\":\"l\",\"cl\":false}],\"success\":true}"));
    assertEquals(Rule.RESPONSE_SCHEMA, v.rule());
    assertEquals("getVisitorOpenRooms", v.operationId());
    assertTrue(v.problems().get(0).contains("/rooms/0/_id"), v.problems().toString());
  }

  @Test
  void aKeyTheClosedSchemaDoesNotListBreaksResponseSchema() {
    Violation v = broken(check("POST", "/api/v1/logout", 200, "application/json", Map.of(),
        "{\"status\":\"success\",\"data\":{\"message\":\"bye\"},\"success\":true,\"empty\":true}"));
    assertEquals(Rule.RESPONSE_SCHEMA, v.rule());
    assertTrue(v.problems().toString().contains("empty"), v.problems().toString());
  }

  @Test
  void aTimestampThatIsNotADateTimeBreaksResponseSchema() {
    Violation v = broken(check("POST", "/api/v1/livechat/visitor", 200, "application/json", Map.of(),
        "{\"visitor\":{\"_id\":\"a\",\"username\":\"guest-1\",\"token\":\"t\",\"status\":\"online\","
            + "\"ts\":\"yesterday\",\"_updatedAt\":\"2021-07-09T20:12:19.795Z\"},\"success\":true}"));
    assertEquals(Rule.RESPONSE_SCHEMA, v.rule());
    assertTrue(v.problems().toString().contains("/visitor/ts"), v.problems().toString());
  }

  @Test
  void anotherContentTypeBreaksContentType() {
    Violation v = broken(check("GET", "/api/v1/me", 401, "text/plain", NO_STORE, "\"no\""));
    assertEquals(Rule.CONTENT_TYPE, v.rule());
  }

  @Test
  void aMissingDocumentedHeaderBreaksResponseHeaders() {
    Violation v = broken(check("GET", "/api/v1/me", 401, "application/json", Map.of(),
        "{\"success\":false,\"error\":\"x\",\"status\":\"error\",\"message\":\"x\"}"));
    assertEquals(Rule.RESPONSE_HEADERS, v.rule());
    assertEquals("header Cache-Control is missing", v.problems().get(0));
  }

  @Test
  void aDocumentedHeaderWithAnotherValueBreaksResponseHeaders() {
    Violation v = broken(check("GET", "/api/v1/me", 401, "application/json", Map.of("Cache-Control", "max-age=60"),
        "{\"success\":false,\"error\":\"x\",\"status\":\"error\",\"message\":\"x\"}"));
    assertEquals(Rule.RESPONSE_HEADERS, v.rule());
  }

  @Test
  void aTemplatedPathAndAHeadRequestFindTheirOperation() {
    assertEquals(Optional.of("getVisitorOpenRooms"), CONTRACT.operationId("GET", "/api/v1/livechat/visitor/a%20b/room"));
    assertEquals(Optional.of("getLivechatRoom"), CONTRACT.operationId("HEAD", ROOM));
    assertEquals(Optional.empty(), CONTRACT.operationId("DELETE", ROOM));
  }

  @Test
  void anAnswerToARequestNoOperationMatchesMustStillBeAJsonError() {
    assertEquals(Optional.empty(), check("GET", "/nowhere", 404, "application/json", Map.of(),
        "{\"success\":false,\"error\":\"Resource not found\"}"));
    assertEquals(Rule.RESPONSE_SCHEMA,
        broken(check("DELETE", ROOM, 405, "application/json", Map.of(), "{\"message\":\"no\"}")).rule());
    assertEquals(Rule.CONTENT_TYPE, broken(check("GET", "/nowhere", 404, "text/html", Map.of(), "\"<html>\"")).rule());
  }

  @Test
  void aBinaryAnswerIsJudgedByItsDocumentedMediaTypeAlone() {
    ResponseContract files = ResponseContract.fromYaml("""
        openapi: 3.0.3
        info: {title: files, version: '1'}
        paths:
          /files/{id}:
            get:
              operationId: getFile
              responses:
                '200':
                  description: The file.
                  content:
                    image/*:
                      schema: {type: string, format: binary}
        """);
    assertEquals(Optional.empty(), files.check("GET", "/files/a", 200, "image/png", name -> null, true, null));
    assertEquals(Rule.CONTENT_TYPE, broken(files.check("GET", "/files/a", 200, "text/html", name -> null, true, null)).rule());
  }

  @Test
  void theSelfChecksOwnAnswerKeepsTheContract() {
    assertEquals(Optional.empty(), check("GET", ROOM, 500, "application/json", NO_STORE,
        "{\"success\":false,\"error\":\"contract-violation\",\"rule\":\"status-documented\","
            + "\"operationId\":\"getLivechatRoom\",\"status\":409,\"violations\":[\"status 409\"]}"));
  }
}
