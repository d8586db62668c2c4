package org.livechatcontract.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP client for the live server in which every answer is checked against the spec before the
 * test sees it: no test can pass on a response that breaks the contract.
 */
public final class Api {
  /**
   * One connection pool per server: a pool shared across servers could hand a request a kept-alive
   * connection to an earlier server that had the same port.
   */
  private final HttpClient http;
  private final URI base;
  private final List<String> defaultHeaders;

  public Api(URI base) {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
        base, List.of());
  }

  private Api(HttpClient http, URI base, List<String> defaultHeaders) {
    this.http = http;
    this.base = base;
    this.defaultHeaders = List.copyOf(defaultHeaders);
  }

  /** The same client, sending these credentials on every request. */
  public Api as(Session session) {
    return new Api(http, base, List.of("X-User-Id", session.userId(), "X-Auth-Token", session.authToken()));
  }

  public record Session(String userId, String authToken) {}

  /** Logs in through the API. */
  public Session login(String user, String password) {
    Reply r = post("/api/v1/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    if (r.status() != 200) {
      throw new AssertionError("login of " + user + " failed: " + r);
    }
    return new Session(r.json().path("data").path("userId").asText(), r.json().path("data").path("authToken").asText());
  }

  public Reply get(String pathAndQuery, String... headers) {
    return send("GET", pathAndQuery, null, null, headers);
  }

  public Reply post(String path, String json, String... headers) {
    return send("POST", path, json, "application/json", headers);
  }

  public Reply put(String path, String json, String... headers) {
    return send("PUT", path, json, "application/json", headers);
  }

  /** A DELETE with a JSON body, as the Livechat SDK sends it. */
  public Reply deleteWithBody(String path, String json, String... headers) {
    return send("DELETE", path, json, "application/json", headers);
  }

  /** A {@code multipart/form-data} POST of one text file in the part {@code file}, plus plain fields. */
  public Reply upload(String path, String fileName, String fileType, String content, Map<String, String> fields,
      String... headers) {
    String boundary = "----livechat-test-boundary";
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
    if (fileName != null) {
      body.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
          .append("Content-Type: ").append(fileType).append("\r\n\r\n").append(content).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return send("POST", path, body.toString(), "multipart/form-data; boundary=" + boundary, headers);
  }

  /** A DELETE without a body. */
  public Reply delete(String path, String... headers) {
    return send("DELETE", path, null, null, headers);
  }

  /**
   * Sends once, and once more if a pooled keep-alive connection turns out to have been closed by the
   * server before the request reached it ("header parser received no bytes"): the JDK client does
   * not retry that by itself, and the server never saw the first attempt.
   */
  private HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("header parser received no bytes")) {
        throw e;
      }
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  public Reply send(String method, String pathAndQuery, String body, String contentType, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    List<String> all = new ArrayList<>(defaultHeaders);
    all.addAll(List.of(headers));
    for (int i = 0; i + 1 < all.size(); i += 2) {
      b.header(all.get(i), all.get(i + 1));
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> res = sendOnce(b.build());
      String path = res.request().uri().getRawPath();
      Contract.check(method, path, res.statusCode(), res.headers().map(), res.body());
      return new Reply(res.statusCode(), res.headers().map(), res.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
