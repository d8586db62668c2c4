package org.livechatcontract.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends the suite's requests to the live server and keeps count. Credentials are fresh for every
 * request that asks for them (a generated {@code logout} must not end the session of the next request).
 */
final class Wire {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN = 2000;

  /** An answer: status, headers (lower-case names) and body text. */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? null : String.join(",", v);
    }

    JsonNode json() {
      try {
        return body == null || body.isEmpty() ? null : JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    /** The {@code error} text of a Rocket.Chat failure body, or null. */
    String error() {
      JsonNode j = json();
      return j != null && j.path("error").isTextual() ? j.path("error").asText() : null;
    }

    @Override
    public String toString() {
      return status + " " + header("content-type") + " " + abbreviate(body);
    }
  }

  /** A request that was sent, with the credentials it really carried, and its answer. */
  record Exchange(Case.Request request, List<String[]> sentHeaders, Answer answer) {}

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI base;
  private final Users users;
  private final Map<String, String[]> firstSessions = new java.util.HashMap<>();
  private int requests;
  private int logins;

  Wire(URI base, Users users) {
    this.base = base;
    this.users = users;
  }

  int requests() {
    return requests;
  }

  int logins() {
    return logins;
  }

  /** Sends a case's request, logged in as its {@link Case.Auth} asks for the case's operation. */
  Exchange send(Case c) {
    Case.Request r = c.request();
    List<String[]> headers = new ArrayList<>(r.headers());
    if (r.auth() != Case.Auth.AS_GIVEN) {
      List<String> permissions = c.op().permissions();
      Users.Login user = r.auth() == Case.Auth.PERMITTED ? users.holding(permissions)
          : users.lacking(permissions).orElseThrow();
      String[] session = freshSession(user);
      headers.add(new String[] {"X-User-Id", session[0]});
      headers.add(new String[] {"X-Auth-Token", session[1]});
    }
    requests++;
    return new Exchange(r, List.copyOf(headers), raw(r.method(), r.target(), headers, r.contentType(), r.body()));
  }

  /**
   * A session of its own for one request, by resuming the user's first login (a token hash, where a password
   * login costs a PBKDF2 derivation): a generated logout then ends only that request's session.
   */
  private String[] freshSession(Users.Login user) {
    String[] first = firstSessions.computeIfAbsent(user.username(), name -> login(user));
    return login(JSON.createObjectNode().put("resume", first[1]).toString(), user.username());
  }

  /** Logs in through the API with a password: {userId, authToken}. */
  String[] login(Users.Login user) {
    return login(JSON.createObjectNode().put("user", user.username()).put("password", user.password()).toString(),
        user.username());
  }

  private String[] login(String body, String user) {
    logins++;
    Answer a = raw("POST", "/api/v1/login", List.of(), "application/json", body);
    JsonNode data = a.json() == null ? null : a.json().path("data");
    if (a.status() != 200 || data == null) {
      throw new AssertionError("the suite could not log in as " + user + ": " + a);
    }
    return new String[] {data.path("userId").asText(), data.path("authToken").asText()};
  }

  private Answer raw(String method, String target, List<String[]> headers, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(30));
    for (String[] h : headers) {
      b.header(h[0], h[1]);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> res;
      try {
        res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException closed) {
        // The connection closed before any answer: the server ends a connection after refusing an oversized
        // request line or header block (414, 431), and the client may have reused it or still be writing. One
        // more try on a new connection; a server that answers nothing twice still fails the run.
        res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      }
      Map<String, List<String>> lower = new java.util.TreeMap<>();
      res.headers().map().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
      return new Answer(res.statusCode(), lower, res.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + abbreviate(target) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The request as a curl command line that sends the same bytes (credentials as they were sent). */
  String curl(Exchange e) {
    Case.Request r = e.request();
    StringBuilder sb = new StringBuilder("curl -sS -i -X ").append(r.method()).append(' ')
        .append(quote(base + r.target()));
    for (String[] h : e.sentHeaders()) {
      sb.append(" -H ").append(quote(h[0] + ": " + h[1]));
    }
    if (r.contentType() != null) {
      sb.append(" -H ").append(quote("Content-Type: " + r.contentType()));
    }
    if (r.body() != null) {
      sb.append(" --data-binary ").append(quote(r.body()));
    }
    return abbreviate(sb.toString());
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static String abbreviate(String s) {
    if (s == null || s.length() <= SHOWN) {
      return s;
    }
    return s.substring(0, SHOWN) + "... (" + (s.length() - SHOWN) + " more characters; the seed replays them)";
  }
}
