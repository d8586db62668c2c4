package org.livechatcontract.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The API documentation, where Rocket.Chat serves it: the spec as JSON at {@code GET /api/docs/json}
 * and Swagger UI at {@code /api-docs}, from the {@code org.webjars:swagger-ui} jar (no CDN). The
 * stub admin spec is at {@code /api/docs/stub/json} while the admin API is on. The served specs name
 * the server they come from as their {@code servers} entry, so "Try it out" calls this server.
 */
public final class Docs extends Handler.Abstract {
  public static final String SPEC_PATH = "/api/docs/json";
  public static final String STUB_SPEC_PATH = "/api/docs/stub/json";
  public static final String UI_PATH = "/api-docs";
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html;charset=utf-8", "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8",
      "png", "image/png", "json", "application/json", "map", "application/json");

  private final ObjectNode spec;
  private final ObjectNode stubSpec;
  private final String uiVersion;
  private final byte[] index;

  public Docs(boolean withStubAdmin) {
    this.spec = read(ClosedSchemas.SPEC_RESOURCE);
    this.stubSpec = withStubAdmin ? read(ClosedSchemas.STUB_ADMIN_SPEC_RESOURCE) : null;
    this.uiVersion = webjarVersion();
    this.index = index(withStubAdmin).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (path == null || !(path.equals(SPEC_PATH) || path.equals(STUB_SPEC_PATH) || path.equals(UI_PATH)
        || path.startsWith(UI_PATH + "/"))) {
      return false;
    }
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return false; // Jersey answers the JSON 404/405
    }
    if (path.equals(SPEC_PATH) || (path.equals(STUB_SPEC_PATH) && stubSpec != null)) {
      ObjectNode doc = (path.equals(SPEC_PATH) ? spec : stubSpec).deepCopy();
      doc.putArray("servers").addObject().put("url", origin(request.getHttpURI(), request));
      send(response, callback, "application/json", new ObjectMapper().writeValueAsBytes(doc));
      return true;
    }
    if (path.equals(UI_PATH)) {
      response.setStatus(302);
      response.getHeaders().put(HttpHeader.LOCATION, UI_PATH + "/");
      response.write(true, null, callback);
      return true;
    }
    String file = path.substring(UI_PATH.length() + 1);
    if (file.isEmpty() || file.equals("index.html")) {
      send(response, callback, TYPES.get("html"), index);
      return true;
    }
    String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
    if (file.contains("..") || file.contains("/") || type == null) {
      return false;
    }
    try (InputStream in = Docs.class.getClassLoader().getResourceAsStream(WEBJAR + uiVersion + "/" + file)) {
      if (in == null) {
        return false;
      }
      send(response, callback, type, in.readAllBytes());
      return true;
    }
  }

  private static void send(Response response, Callback callback, String type, byte[] body) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static String origin(HttpURI uri, Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    return uri.getScheme() + "://" + (host != null ? host : uri.getAuthority());
  }

  private static ObjectNode read(String resource) {
    return (ObjectNode) SpecDocuments.read(resource);
  }

  private static String webjarVersion() {
    try (InputStream in = Docs.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String index(boolean withStubAdmin) {
    String urls = "{url: '" + SPEC_PATH + "', name: 'Livechat API'}"
        + (withStubAdmin ? ", {url: '" + STUB_SPEC_PATH + "', name: 'Stub admin API'}" : "");
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>livechat-contract API</title>
          <link rel="stylesheet" href="swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="swagger-ui-bundle.js"></script>
          <script src="swagger-ui-standalone-preset.js"></script>
          <script>
            window.ui = SwaggerUIBundle({
              urls: [%s],
              dom_id: '#swagger-ui',
              deepLinking: true,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: 'StandaloneLayout'
            });
          </script>
        </body>
        </html>
        """.formatted(urls);
  }
}
