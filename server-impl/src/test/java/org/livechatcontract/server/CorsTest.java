package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.stub.StubOptions;
import org.livechatcontract.server.support.LiveServer;
import org.livechatcontract.server.support.Reply;

/** Browsers on other origins: CORS on by default, restricted by --cors-origins, off with --no-cors. */
class CorsTest {
  private static final String WIDGET = "http://localhost:5173";

  @RegisterExtension
  static final LiveServer anyOrigin = new LiveServer();

  @RegisterExtension
  static final LiveServer oneOrigin = new LiveServer(c -> c.withStub(StubOptions.defaults().withCors(true, List.of(WIDGET))));

  @RegisterExtension
  static final LiveServer noCors = new LiveServer(c -> c.withStub(StubOptions.defaults().withCors(false, List.of("*"))));

  private static Reply preflight(LiveServer server, String origin) {
    return server.api().send("OPTIONS", "/api/v1/livechat/visitor", null, null, "Origin", origin,
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-auth-token");
  }

  @Test
  void aPreflightFromAnyOriginIsAnswered204WithTheAllowedMethodsAndHeaders() {
    Reply r = preflight(anyOrigin, "http://example.test:8080");
    assertEquals(204, r.status());
    assertEquals("http://example.test:8080", r.header("Access-Control-Allow-Origin"));
    assertEquals("true", r.header("Access-Control-Allow-Credentials"));
    assertEquals("GET, POST, PUT, DELETE, OPTIONS", r.header("Access-Control-Allow-Methods"));
    assertEquals("content-type,x-auth-token", r.header("Access-Control-Allow-Headers"));
    assertEquals("", r.body());
  }

  @Test
  void anAnswerToAnotherOriginCarriesTheCorsHeaders() {
    Reply r = anyOrigin.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"cors-1\"}}", "Origin", WIDGET);
    assertEquals(200, r.status());
    assertEquals(WIDGET, r.header("Access-Control-Allow-Origin"));
    assertEquals("true", r.header("Access-Control-Allow-Credentials"));
    assertEquals("Origin", r.header("Vary"));
    Reply error = anyOrigin.api().get("/api/v1/livechat/room?token=nobody", "Origin", WIDGET);
    assertEquals(400, error.status());
    assertEquals(WIDGET, error.header("Access-Control-Allow-Origin"), "errors too, or the page cannot read them");
  }

  @Test
  void aRequestWithoutOriginGetsNoCorsHeaders() {
    Reply r = anyOrigin.api().get("/api/v1/livechat/room?token=nobody");
    assertNull(r.header("Access-Control-Allow-Origin"));
  }

  @Test
  void corsOriginsAllowsOnlyTheListedOrigins() {
    assertEquals(WIDGET, preflight(oneOrigin, WIDGET).header("Access-Control-Allow-Origin"));
    Reply other = preflight(oneOrigin, "http://evil.test");
    assertNull(other.header("Access-Control-Allow-Origin"));
    assertNull(other.header("Access-Control-Allow-Methods"));
    Reply get = oneOrigin.api().get("/api/v1/livechat/room?token=nobody", "Origin", "http://evil.test");
    assertNull(get.header("Access-Control-Allow-Origin"));
  }

  @Test
  void noCorsSendsNoCorsHeaderAtAll() {
    Reply pre = preflight(noCors, WIDGET);
    assertNull(pre.header("Access-Control-Allow-Origin"));
    assertNull(pre.header("Access-Control-Allow-Methods"));
    assertNull(noCors.api().get("/api/v1/livechat/room?token=nobody", "Origin", WIDGET).header("Access-Control-Allow-Origin"));
  }
}
