package org.livechatcontract.server.http;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS for browser pages on other origins (a chat widget on {@code localhost:5173}, say). An allowed
 * {@code Origin} is reflected, with credentials allowed; a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered 204 with the allowed methods and headers, before
 * routing. A request from an origin that is not allowed gets no CORS header, so the browser refuses it.
 */
public final class Cors extends Handler.Wrapper {
  static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
  static final String HEADERS = "Content-Type, X-User-Id, X-Auth-Token";
  static final String MAX_AGE_SECONDS = "600";

  private final Set<String> origins;
  private final boolean anyOrigin;

  /** @param origins allowed origins ({@code scheme://host[:port]}); {@code *} allows any */
  public Cors(List<String> origins) {
    this.anyOrigin = origins.contains("*");
    this.origins = Set.copyOf(origins);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null || !(anyOrigin || origins.contains(origin))) {
      return super.handle(request, response, callback);
    }
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    response.getHeaders().add(HttpHeader.VARY, "Origin");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, Traffic.RULE_HEADER);
    String requested = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
    if (!HttpMethod.OPTIONS.is(request.getMethod()) || requested == null) {
      return super.handle(request, response, callback);
    }
    String requestedHeaders = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
    response.setStatus(204);
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS,
        requestedHeaders == null || requestedHeaders.isBlank() ? HEADERS : requestedHeaders);
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, null, callback);
    return true;
  }
}
