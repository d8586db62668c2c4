package org.livechatcontract.server.conformance;

import static org.livechatcontract.server.conformance.Case.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.livechatcontract.server.conformance.Case.Auth;
import org.livechatcontract.server.conformance.Case.Kind;
import org.livechatcontract.server.conformance.Values.Sample;

/**
 * Generates the requests of each phase for one operation, from its parameters and body schema only:
 * nothing here knows a particular endpoint. Values come from {@link Values} with a random source seeded
 * per operation and phase, so a change to one operation does not shift the values of another.
 */
final class Cases {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Larger than the server's 32 KiB limit for a request line or a header block. */
  static final int OVER_LIMIT = 40 * 1024;
  private static final List<String> MALFORMED = List.of("{", "{\"visitor\":", "not json", "{'single':'quotes'}",
      "[1, 2", "{\"a\":1}}", "{\"a\":1,}");
  private static final List<String> NOT_JSON_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/xml");
  private static final List<String> UNDECLARED = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final long seed;
  private final KnownValues known;
  /** A real session's credentials, for the bad-credential variants that need one half right. */
  private final String[] session;
  private final Users users;

  Cases(long seed, KnownValues known, String[] session, Users users) {
    this.seed = seed;
    this.known = known;
    this.session = session;
    this.users = users;
  }

  private Values values(Spec.Op op, String phase) {
    return new Values(new SplittableRandom(seed ^ ((long) (op.id() + "/" + phase).hashCode() << 16)));
  }

  // Phase 1: the spec's own examples.

  List<Case> examples(Spec.Op op) {
    Values v = values(op, "examples");
    List<Case> out = new ArrayList<>();
    Map<String, String> params = plainParams(op, v);
    boolean paramExamples = op.params().stream().anyMatch(p -> p.example() != null);
    if (op.body() != null && !op.body().examples().isEmpty()) {
      op.body().examples().forEach((name, body) ->
          out.add(valid(op, "examples", "body example '" + name + "'", params, body)));
    } else if (paramExamples) {
      out.add(valid(op, "examples", "the parameters' examples", params, plainBody(op, v)));
    } else {
      out.add(valid(op, "examples", "no examples: the plainest request", params, plainBody(op, v)));
    }
    return out;
  }

  // Phase 2: boundary values, one parameter or body key at a time.

  List<Case> boundary(Spec.Op op) {
    Values v = values(op, "boundary");
    List<Case> out = new ArrayList<>();
    Map<String, String> plain = plainParams(op, v);
    for (Spec.Param p : op.params()) {
      List<Sample> samples = v.boundary(p.schema(), "path".equals(p.in()));
      for (Sample s : samples.subList(1, samples.size())) {
        String value = text(s.value());
        if ("cookie".equals(p.in()) && !value.matches("[!#-+\\--:<-\\[\\]-~]+")) {
          continue; // a cookie value is visible ASCII without quotes, commas, semicolons or backslashes (RFC 6265)
        }
        if ("query".equals(p.in()) && value.isEmpty() && !p.allowEmptyValue()) {
          continue; // OpenAPI 3.0: `a=` is not a value unless allowEmptyValue; the negative phase sends it
        }
        Map<String, String> params = new LinkedHashMap<>(plain);
        params.put(p.name(), value);
        Case c = valid(op, "boundary", p.name() + " = " + s.label(), params, plainBody(op, v));
        // Atlassian's validator reads a blank query value as no value; OpenAPI reads it as a value.
        out.add(value.isBlank() && "query".equals(p.in()) ? uncrossChecked(c) : c);
      }
      if (!p.required()) {
        Map<String, String> params = new LinkedHashMap<>(plain);
        params.put(p.name(), null);
        out.add(valid(op, "boundary", "without " + p.name(), params, plainBody(op, v)));
      }
    }
    if (op.body() != null) {
      Schema<?> schema = op.body().schema();
      for (Sample s : v.boundary(schema, false)) {
        out.add(valid(op, "boundary", "body with " + s.label(), plain, s.value()));
      }
      bodyBoundaries(op, v, schema, v.object(schema, false), "", plain, out);
    }
    return out;
  }

  private void bodyBoundaries(Spec.Op op, Values v, Schema<?> schema, ObjectNode base, String at,
      Map<String, String> params, List<Case> out) {
    Values.properties(schema).forEach((name, prop) -> {
      String path = at + name;
      List<Sample> samples = v.boundary(prop, false);
      for (Sample s : samples.subList("object".equals(Values.type(prop)) ? 0 : 1, samples.size())) {
        out.add(valid(op, "boundary", path + " = " + s.label(), params, withAt(base, at, name, s.value())));
      }
      if ("object".equals(Values.type(prop))) {
        ObjectNode nested = base.deepCopy();
        set(nested, at, name, v.object(prop, false));
        bodyBoundaries(op, v, prop, nested, path + ".", params, out);
      }
    });
  }

  // Phase 3: random valid requests; known values (tokens, room ids) stand in for random text half the time.

  List<Case> random(Spec.Op op, int count) {
    if (op.params().isEmpty() && op.body() == null) {
      return List.of();
    }
    Values v = values(op, "random");
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> params = new LinkedHashMap<>();
      for (Spec.Param p : op.params()) {
        if (!p.required() && v.nextInt(2) == 0) {
          continue;
        }
        String k = Values.plainString(p.schema()) && v.nextInt(2) == 0 ? known.pick(p.name(), v) : null;
        String value = k != null ? k : "cookie".equals(p.in()) ? cookieSafe(v) : text(v.random(p.schema(), "path".equals(p.in())));
        params.put(p.name(), value);
      }
      JsonNode body = op.body() == null ? null : withKnown(v.random(op.body().schema(), false), op.body().schema(), v);
      out.add(valid(op, "random", "random values #" + (i + 1), params, body));
    }
    return out;
  }

  // Phase 4: requests just outside the spec, and the ways a request can be malformed.

  List<Case> negative(Spec.Op op) {
    Values v = values(op, "negative");
    List<Case> out = new ArrayList<>();
    Map<String, String> plain = plainParams(op, v);
    JsonNode plainBody = plainBody(op, v);
    for (Spec.Param p : op.params()) {
      if (p.required() && !"path".equals(p.in())) {
        Map<String, String> params = new LinkedHashMap<>(plain);
        params.put(p.name(), null);
        out.add(of(op, "negative", Kind.INVALID_PARAMETER, "without the required " + p.in() + " " + p.name(),
            request(op, params, "", plainBody, "application/json", authOf(op))));
      }
      for (Sample s : v.invalidText(p.schema())) {
        Map<String, String> params = new LinkedHashMap<>(plain);
        params.put(p.name(), text(s.value()));
        out.add(of(op, "negative", Kind.INVALID_PARAMETER, p.name() + " = " + s.label(),
            request(op, params, "", plainBody, "application/json", authOf(op))));
      }
      if ("query".equals(p.in()) && !p.allowEmptyValue()) {
        Map<String, String> params = new LinkedHashMap<>(plain);
        params.put(p.name(), "");
        out.add(of(op, "negative", Kind.INVALID_PARAMETER, p.name() + "= (an empty value, which allowEmptyValue does not allow)",
            request(op, params, "", plainBody, "application/json", authOf(op))));
      }
      if ("query".equals(p.in())) {
        Map<String, String> without = new LinkedHashMap<>(plain);
        without.put(p.name(), null);
        String arrayForm = encode(p.name() + "[]") + "=" + encode(valueOr(plain, p, v));
        // qs reads `a[]=x` as an array: for a required parameter that leaves it missing (invalid); for an
        // optional one the spec sees an extra parameter (valid), which Rocket.Chat's validators refuse.
        out.add(of(op, "negative", p.required() ? Kind.INVALID_PARAMETER : Kind.VALID,
            p.name() + "[]=x (an array parameter)", request(op, without, arrayForm, plainBody, "application/json", authOf(op))));
        String repeated = encode(p.name()) + "=" + encode(valueOr(plain, p, v)) + "&" + encode(p.name()) + "=b";
        out.add(of(op, "negative", Kind.INVALID_PARAMETER, p.name() + " given twice",
            request(op, without, repeated, plainBody, "application/json", authOf(op))));
      }
    }
    if (!op.params("query").isEmpty()) {
      out.add(of(op, "negative", Kind.VALID, "a query parameter the spec does not declare",
          request(op, plain, "unknownParameter=1", plainBody, "application/json", authOf(op))));
    }
    if (op.body() != null) {
      bodyMutations(op, v, plain, out);
    }
    out.add(of(op, "negative", Kind.URI_TOO_LONG, "a " + OVER_LIMIT + "-byte query string",
        request(op, plain, "padding=" + "x".repeat(OVER_LIMIT), plainBody, "application/json", authOf(op))));
    out.add(of(op, "negative", Kind.HEADERS_TOO_LARGE, "a " + OVER_LIMIT + "-byte header",
        request(op, plain, "", plainBody, "application/json", authOf(op)).withHeader("X-Padding", "x".repeat(OVER_LIMIT))));
    return out;
  }

  private void bodyMutations(Spec.Op op, Values v, Map<String, String> plain, List<Case> out) {
    Schema<?> schema = op.body().schema();
    ObjectNode base = v.object(schema, false);
    String json = base.toString();
    for (String text : MALFORMED) {
      out.add(of(op, "negative", Kind.MALFORMED_BODY, "malformed JSON " + text, rawBody(op, plain, text, "application/json")));
    }
    if (op.body().required()) {
      out.add(of(op, "negative", Kind.MALFORMED_BODY, "an empty body", rawBody(op, plain, "", "application/json")));
    }
    for (Sample s : v.invalid(schema)) {
      out.add(of(op, "negative", Kind.INVALID_BODY, "the body is " + s.label(), rawBody(op, plain, s.value().toString(),
          "application/json")));
    }
    objectMutations(op, v, schema, base, "", plain, out);
    for (String type : NOT_JSON_TYPES) {
      out.add(of(op, "negative", Kind.UNSUPPORTED_MEDIA_TYPE, "a JSON body sent as " + type, rawBody(op, plain, json, type)));
    }
    out.add(of(op, "negative", Kind.UNSUPPORTED_MEDIA_TYPE, "a JSON body without a Content-Type",
        rawBody(op, plain, json, null)));
    out.add(of(op, "negative", Kind.VALID, "Content-Type application/json; charset=utf-8",
        rawBody(op, plain, json, "application/json; charset=utf-8")));
    ObjectNode full = v.object(schema, true);
    firstString(schema, full, "").ifPresent(at -> out.add(of(op, "negative", Kind.VALID,
        at + " is a " + Values.OVERSIZED + "-character string",
        rawBody(op, plain, replaceAt(full, at, "o".repeat(Values.OVERSIZED)).toString(), "application/json"))));
  }

  /** Each required key missing, each key of the wrong type, an unknown key where the object is closed. */
  private void objectMutations(Spec.Op op, Values v, Schema<?> schema, ObjectNode base, String at,
      Map<String, String> plain, List<Case> out) {
    for (String name : Values.required(schema)) {
      ObjectNode copy = base.deepCopy();
      ((ObjectNode) (at.isEmpty() ? copy : copy.at(pointer(at)))).remove(name);
      out.add(of(op, "negative", Kind.INVALID_BODY, "without the required key " + at + name,
          rawBody(op, plain, copy.toString(), "application/json")));
    }
    Values.properties(schema).forEach((name, prop) -> {
      for (Sample s : v.invalid(prop)) {
        out.add(of(op, "negative", Kind.INVALID_BODY, at + name + " is " + s.label(),
            rawBody(op, plain, withAt(base, at, name, s.value()).toString(), "application/json")));
      }
      if ("object".equals(Values.type(prop))) {
        ObjectNode nested = base.deepCopy();
        set(nested, at, name, v.object(prop, false));
        objectMutations(op, v, prop, nested, at + name + ".", plain, out);
      }
    });
    boolean closed = Values.closed(schema);
    Case unknown = of(op, "negative", closed ? Kind.INVALID_BODY : Kind.VALID, "an unknown key in "
        + (at.isEmpty() ? "the body" : at.substring(0, at.length() - 1)) + (closed ? " (a closed object)" : " (an open object)"),
        rawBody(op, plain, withAt(base, at, "unknownKey", JSON.getNodeFactory().textNode("x")).toString(), "application/json"));
    // Atlassian's validator reads an absent additionalProperties as false; OpenAPI, and this spec, as true.
    out.add(closed ? unknown : uncrossChecked(unknown));
  }

  // Phase 5: credentials.

  List<Case> auth(Spec.Op op) {
    if (!op.secured()) {
      return List.of();
    }
    Values v = values(op, "auth");
    Map<String, String> plain = plainParams(op, v);
    JsonNode body = plainBody(op, v);
    List<Case> out = new ArrayList<>();
    Map<String, List<String[]>> variants = new LinkedHashMap<>();
    variants.put("no credentials", List.of());
    if (op.securedByLogin()) {
      variants.put("only X-User-Id", List.<String[]>of(new String[] {"X-User-Id", session[0]}));
      variants.put("only X-Auth-Token", List.<String[]>of(new String[] {"X-Auth-Token", session[1]}));
      variants.put("a wrong X-Auth-Token", List.of(new String[] {"X-User-Id", session[0]},
          new String[] {"X-Auth-Token", "not-" + session[1]}));
      variants.put("an X-Auth-Token of another user id", List.of(new String[] {"X-User-Id", "someone-else"},
          new String[] {"X-Auth-Token", session[1]}));
      variants.put("empty credentials", List.of(new String[] {"X-User-Id", ""}, new String[] {"X-Auth-Token", ""}));
    } else {
      for (String header : op.credentialHeaders()) {
        variants.put("a wrong " + header, List.<String[]>of(new String[] {header, "not-a-credential"}));
      }
    }
    variants.forEach((label, headers) -> {
      Case.Request r = request(op, plain, "", body, "application/json", Auth.AS_GIVEN);
      for (String[] h : headers) {
        r = r.withHeader(h[0], h[1]);
      }
      out.add(of(op, "auth", Kind.BAD_CREDENTIALS, label, r));
    });
    users.lacking(op.permissions()).ifPresent(user -> out.add(of(op, "auth", Kind.MISSING_PERMISSION,
        "user " + user.username() + ", who lacks one of " + op.permissions(),
        request(op, plain, "", body, "application/json", Auth.LACKING))));
    return out;
  }

  // Phase 6: methods, per path.

  List<Case> methods(String path, Set<String> declared) {
    String concrete = path.replaceAll("\\{[^}]+}", "example");
    List<Case> out = new ArrayList<>();
    for (String m : UNDECLARED) {
      if (!declared.contains(m)) {
        out.add(new Case("methods", Kind.UNDECLARED_METHOD, null, path, m + " " + path + " (declared: " + declared + ")",
            new Case.Request(m, concrete, null, List.of(), null, null, Auth.AS_GIVEN), false));
      }
    }
    out.add(new Case("methods", Kind.OPTIONS, null, path, "OPTIONS " + path,
        new Case.Request("OPTIONS", concrete, null, List.of(), null, null, Auth.AS_GIVEN), false));
    return out;
  }

  // Building requests.

  private Case valid(Spec.Op op, String phase, String label, Map<String, String> params, JsonNode body) {
    return of(op, phase, Kind.VALID, label, request(op, params, "", body, "application/json", authOf(op)));
  }

  private static Case of(Spec.Op op, String phase, Kind kind, String label, Case.Request r) {
    return new Case(phase, kind, op, op.path(), label, r, true);
  }

  /** The same case, for an input that Atlassian's validator does not read as the spec does. */
  private static Case uncrossChecked(Case c) {
    return new Case(c.phase(), c.kind(), c.op(), c.route(), c.label(), c.request(), false);
  }

  private static Auth authOf(Spec.Op op) {
    return op.securedByLogin() ? Auth.PERMITTED : Auth.AS_GIVEN;
  }

  private Case.Request rawBody(Spec.Op op, Map<String, String> params, String body, String contentType) {
    Case.Request r = request(op, params, "", null, null, authOf(op));
    return new Case.Request(r.method(), r.path(), r.query(), r.headers(), contentType, body, r.auth());
  }

  /** Parameters by name (null: left out); {@code extraQuery} is appended as it is. */
  static Case.Request request(Spec.Op op, Map<String, String> params, String extraQuery, JsonNode body,
      String contentType, Auth auth) {
    String path = op.path();
    List<String> query = new ArrayList<>();
    List<String[]> headers = new ArrayList<>();
    List<String> cookies = new ArrayList<>();
    for (Spec.Param p : op.params()) {
      String value = params.get(p.name());
      if (value == null) {
        continue;
      }
      switch (p.in()) {
        case "path" -> path = path.replace("{" + p.name() + "}", encode(value));
        case "query" -> query.add(encode(p.name()) + "=" + encode(value));
        case "header" -> headers.add(new String[] {p.name(), value});
        case "cookie" -> cookies.add(p.name() + "=" + value);
        default -> throw new IllegalStateException("parameter in " + p.in());
      }
    }
    if (!cookies.isEmpty()) {
      headers.add(new String[] {"Cookie", String.join("; ", cookies)});
    }
    if (extraQuery != null && !extraQuery.isEmpty()) {
      query.add(extraQuery);
    }
    String q = query.isEmpty() ? null : String.join("&", query);
    return new Case.Request(op.method(), path, q, List.copyOf(headers), body == null ? null : contentType,
        body == null ? null : body.toString(), auth);
  }

  /** Each parameter at its example, or at its plainest valid value; optional ones without an example are left out. */
  private static Map<String, String> plainParams(Spec.Op op, Values v) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Spec.Param p : op.params()) {
      if (p.example() != null) {
        out.put(p.name(), String.valueOf(p.example()));
      } else if (p.required()) {
        out.put(p.name(), text(v.boundary(p.schema(), "path".equals(p.in())).get(0).value()));
      }
    }
    return out;
  }

  private static JsonNode plainBody(Spec.Op op, Values v) {
    if (op.body() == null) {
      return null;
    }
    return op.body().examples().isEmpty() ? v.object(op.body().schema(), false)
        : op.body().examples().values().iterator().next();
  }

  private static String valueOr(Map<String, String> plain, Spec.Param p, Values v) {
    String value = plain.get(p.name());
    return value != null ? value : text(v.boundary(p.schema(), false).get(0).value());
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String cookieSafe(Values v) {
    String t = v.text(6).replaceAll("[^A-Za-z0-9]", "");
    return t.isEmpty() ? "c" : t;
  }

  /** Replaces plain-string values whose key has known values by one of them, half the time. */
  private JsonNode withKnown(JsonNode node, Schema<?> schema, Values v) {
    if (node instanceof ObjectNode o) {
      Values.properties(schema).forEach((name, prop) -> {
        JsonNode child = o.get(name);
        if (child == null) {
          return;
        }
        String k = child.isTextual() && Values.plainString(prop) && v.nextInt(2) == 0 ? known.pick(name, v) : null;
        if (k != null) {
          o.put(name, k);
        } else {
          withKnown(child, prop, v);
        }
      });
    } else if (node != null && node.isArray() && schema.getItems() != null) {
      node.forEach(item -> withKnown(item, schema.getItems(), v));
    }
    return node;
  }

  private static ObjectNode withAt(ObjectNode base, String at, String name, JsonNode value) {
    ObjectNode copy = base.deepCopy();
    set(copy, at, name, value);
    return copy;
  }

  private static void set(ObjectNode root, String at, String name, JsonNode value) {
    ObjectNode target = at.isEmpty() ? root : (ObjectNode) root.at(pointer(at));
    target.set(name, value);
  }

  private static String pointer(String dotted) {
    String trimmed = dotted.endsWith(".") ? dotted.substring(0, dotted.length() - 1) : dotted;
    return "/" + trimmed.replace(".", "/");
  }

  private static java.util.Optional<String> firstString(Schema<?> schema, JsonNode node, String at) {
    for (Map.Entry<String, Schema> e : Values.properties(schema).entrySet()) {
      String type = Values.type(e.getValue());
      if (Values.plainString(e.getValue()) && node.has(e.getKey())) {
        return java.util.Optional.of(at + e.getKey());
      }
      if ("object".equals(type) && node.has(e.getKey())) {
        java.util.Optional<String> inner = firstString(e.getValue(), node.get(e.getKey()), at + e.getKey() + ".");
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static ObjectNode replaceAt(ObjectNode base, String dotted, String value) {
    int dot = dotted.lastIndexOf('.');
    String at = dot < 0 ? "" : dotted.substring(0, dot + 1);
    return withAt(base, at, dotted.substring(dot + 1), JSON.getNodeFactory().textNode(value));
  }
}
