package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.RawHttp;
import org.livechatcontract.server.support.Reply;

/** Bad input never gives a 5xx, an HTML page or a stack trace: every answer is a Rocket.Chat-shaped JSON error. */
class BadInputTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  static void assertJsonError(int status, String error, RawHttp.RawReply r) {
    assertEquals(status, r.status(), r.head() + "\n" + r.body());
    assertTrue(r.head().toLowerCase().contains("content-type: application/json"), r.head());
    assertEquals("{\"success\":false,\"error\":\"" + error + "\"}", r.body());
  }

  @Test
  void aBadPercentEscapeInTheQueryIsLiteralTextAsInQs() throws Exception {
    for (String query : List.of("token=%zz", "token=abc%", "token=%E2%8")) {
      RawHttp.RawReply r = RawHttp.send(server.port(),
          "GET /api/v1/livechat/room?" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertJsonError(400, "invalid-token", r);
    }
  }

  @Test
  void aTokenWithALiteralPercentSignIsFoundByIt() throws Exception {
    server.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"100%zz\"}}");
    RawHttp.RawReply r = RawHttp.send(server.port(),
        "GET /api/v1/livechat/room?token=100%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("\"token\":\"100%zz\""), r.body());
  }

  @Test
  void aBadPercentEscapeInThePathIsAJsonBadRequest() throws Exception {
    RawHttp.RawReply r = RawHttp.send(server.port(),
        "GET /api/v1/livechat/visitor/%zz/room HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertJsonError(400, "Bad request", r);
  }

  @Test
  void aMalformedRequestLineIsAJsonBadRequest() throws Exception {
    RawHttp.RawReply r = RawHttp.send(server.port(), "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    assertJsonError(400, "Bad request", r);
  }

  @Test
  void anUnknownPathIsAJson404() {
    Reply r = server.api().get("/api/v1/livechat/nothing-here");
    assertEquals(404, r.status());
    assertEquals("{\"success\":false,\"error\":\"Resource not found\"}", r.body());
    assertEquals("application/json", r.header("Content-Type"));
    assertEquals(404, server.api().get("/application.wadl").status());
  }

  @Test
  void aWrongMethodIsAJson405WithAllow() {
    Reply r = server.api().send("DELETE", "/api/v1/livechat/room?token=a", null, null);
    assertEquals(405, r.status());
    assertEquals("{\"success\":false,\"error\":\"Method not allowed\"}", r.body());
    assertTrue(r.header("Allow").contains("GET"), r.headers().toString());
    assertEquals(405, server.api().send("PUT", "/api/v1/login", "{}", "application/json").status());
  }

  @Test
  void malformedJsonIsABadRequestThatSaysWhere() {
    Reply r = server.api().post("/api/v1/livechat/visitor", "{\"visitor\":");
    assertEquals(400, r.status());
    assertTrue(r.error().startsWith("Malformed JSON body at line 1"), r.body());
    assertFalse(r.body().contains("jackson"), r.body());
    assertFalse(r.body().contains("Exception"), r.body());
  }

  @Test
  void aBodyThatIsNotAnObjectIsAMatchError() {
    assertEquals("Match error: Expected plain object", server.api().post("/api/v1/livechat/visitor", "[]").error());
    assertEquals("Match error: Expected object, got string", server.api().post("/api/v1/livechat/visitor", "\"x\"").error());
    assertEquals("Match error: Expected object, got number", server.api().post("/api/v1/livechat/visitor", "5").error());
    assertEquals("Match error: Missing key 'visitor'", server.api().post("/api/v1/livechat/visitor", "null").error());
    assertEquals("Match error: Missing key 'visitor'", server.api().post("/api/v1/livechat/visitor", "").error());
  }

  @Test
  void aBodyThatIsNotJsonTypedIs415() {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
      Reply r = server.api().send("POST", "/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"a\"}}", type);
      assertEquals(415, r.status(), type);
      assertEquals("Unsupported Media Type: send the body as application/json", r.error());
    }
  }

  @Test
  void aNineKibQueryStringIsServed() {
    String token = "q".repeat(9 * 1024);
    Reply r = server.api().get("/api/v1/livechat/room?token=" + token);
    assertEquals(400, r.status());
    assertEquals("invalid-token", r.error());
  }

  @Test
  void aNineKibHeaderIsServed() {
    Reply r = server.api().get("/api/v1/livechat/room?token=x", "X-Padding", "h".repeat(9 * 1024));
    assertEquals("invalid-token", r.error());
  }

  @Test
  void headersOverTheLimitAreAJson431() throws Exception {
    String big = "h".repeat(40 * 1024);
    RawHttp.RawReply r = RawHttp.send(server.port(),
        "GET /api/v1/livechat/room?token=x HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + big + "\r\n\r\n");
    assertJsonError(431, "Request Header Fields Too Large", r);
  }

  @Test
  void errorsJettyAnswersItselfAreJsonWhateverTheMethod() throws Exception {
    String big = "h".repeat(40 * 1024);
    for (String method : List.of("PUT", "DELETE", "PATCH")) {
      RawHttp.RawReply tooLarge = RawHttp.send(server.port(),
          method + " /api/v1/livechat/room HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + big + "\r\n\r\n");
      assertJsonError(431, "Request Header Fields Too Large", tooLarge);
      RawHttp.RawReply badPath = RawHttp.send(server.port(),
          method + " /api/v1/livechat/visitor/%zz/room HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertJsonError(400, "Bad request", badPath);
    }
  }

  @Test
  void aBodyRefusedBeforeItArrivedKeepsTheConnectionForTheNextRequest() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String body = "{\"visitor\":{\"token\":\"a\"}}";
      out.write(("POST /api/v1/livechat/visitor HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300); // the 415 is decided before the body is sent
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.write("GET /api/v1/livechat/room HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answers.startsWith("HTTP/1.1 415 "), answers);
      assertTrue(answers.contains("HTTP/1.1 400 ") && answers.contains("Missing key 'token'"),
          "the second request was answered on the same connection: " + answers);
    }
  }

  @Test
  void aRequestLineOverTheLimitIsAJson414() throws Exception {
    String big = "q".repeat(40 * 1024);
    RawHttp.RawReply r = RawHttp.send(server.port(),
        "GET /api/v1/livechat/room?token=" + big + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertJsonError(414, "URI Too Long", r);
  }

  @Test
  void acceptIsIgnoredAndTheAnswerIsStillJson() {
    Reply r = server.api().get("/api/v1/livechat/room", "Accept", "text/html");
    assertEquals(400, r.status());
    assertEquals("application/json", r.header("Content-Type"));
  }

  @Test
  void everyAnswerCarriesNoStoreCachingHeaders() {
    Reply r = server.api().get("/api/v1/livechat/room?token=x");
    assertEquals("no-store", r.header("Cache-Control"));
    assertEquals("no-cache", r.header("Pragma"));
  }

  @Test
  void optionsAnswers204WithAllowAndNoBody() {
    Reply r = server.api().send("OPTIONS", "/api/v1/livechat/room", null, null);
    assertEquals(204, r.status());
    assertTrue(r.header("Allow").contains("GET"));
    assertEquals("", r.body());
  }
}
