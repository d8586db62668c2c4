package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.stub.StubOptions;
import org.livechatcontract.server.support.LiveServer;

/** The docs, where Rocket.Chat serves them: the spec at /api/docs/json, Swagger UI at /api-docs. */
class ApiDocsTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @RegisterExtension
  static final LiveServer server = new LiveServer();

  @RegisterExtension
  static final LiveServer withoutAdminApi = new LiveServer(c -> c.withStub(StubOptions.defaults().withAdminApi(false)));

  private static HttpResponse<String> get(LiveServer s, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(s.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode spec(String resource) throws Exception {
    try (InputStream in = ApiDocsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void theSpecIsServedAsJsonNamingThisServer() throws Exception {
    HttpResponse<String> r = get(server, "/api/docs/json");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
    JsonNode served = new ObjectMapper().readTree(r.body());
    assertEquals(server.baseUri().toString(), served.path("servers").get(0).path("url").asText());
    JsonNode expected = spec("openapi/livechat.yaml");
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected).set("servers", served.path("servers"));
    assertEquals(expected, served);
  }

  @Test
  void theStubAdminSpecIsServedOnlyWithTheAdminApi() throws Exception {
    HttpResponse<String> r = get(server, "/api/docs/stub/json");
    assertEquals(200, r.statusCode());
    assertEquals(spec("openapi/stub-admin.yaml").path("paths"), new ObjectMapper().readTree(r.body()).path("paths"));
    assertEquals(404, get(withoutAdminApi, "/api/docs/stub/json").statusCode());
    assertTrue(!get(withoutAdminApi, "/api-docs/").body().contains("/api/docs/stub/json"));
  }

  @Test
  void swaggerUiIsServedFromTheWebjarAtApiDocs() throws Exception {
    HttpResponse<String> redirect = get(server, "/api-docs");
    assertEquals(302, redirect.statusCode());
    assertEquals("/api-docs/", redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    HttpResponse<String> page = get(server, "/api-docs/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("SwaggerUIBundle") && page.body().contains("'/api/docs/json'"), page.body());
    assertTrue(!page.body().contains("http"), "no CDN: every asset comes from this server");
    for (String asset : new String[] {"swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"}) {
      HttpResponse<String> a = get(server, "/api-docs/" + asset);
      assertEquals(200, a.statusCode(), asset);
      assertTrue(a.body().length() > 1000, asset);
    }
    int escape = get(server, "/api-docs/..%2F..%2Fetc%2Fpasswd").statusCode();
    assertTrue(escape == 400 || escape == 404, "a path out of the webjar is refused: " + escape);
    assertEquals(404, get(server, "/api-docs/no-such-file.js").statusCode());
  }
}
