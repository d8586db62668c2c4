package org.livechatcontract.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Takes secrets out of what the access log and the request journal keep: credential headers (the
 * upload's {@code x-visitor-token} too), the
 * values of secret keys in query strings and JSON bodies, and visitor tokens in paths (every path
 * parameter of the spec whose name ends in {@code token}). A body that is not JSON is not kept at all,
 * since nothing can say where a secret sits in it.
 */
public final class Redaction {
  public static final String MASK = "***";
  private static final Set<String> SECRET_KEYS = Set.of("token", "password", "authtoken", "resume", "passwordhash",
      "x-auth-token", "newpassword", "code");
  private static final Set<String> SECRET_HEADERS = Set.of("x-auth-token", "x-visitor-token", "cookie", "set-cookie",
      "authorization");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Path templates split into segments; a null segment is a secret parameter, "" any other parameter. */
  private final List<String[]> templates;

  private Redaction(List<String[]> templates) {
    this.templates = List.copyOf(templates);
  }

  public static Redaction fromClasspathSpec() {
    JsonNode paths = SpecDocuments.read(ClosedSchemas.SPEC_RESOURCE).path("paths");
    List<String[]> templates = new ArrayList<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      if (!path.contains("{")) {
        continue;
      }
      String[] segments = path.split("/", -1);
      for (int i = 0; i < segments.length; i++) {
        String s = segments[i];
        if (s.startsWith("{") && s.endsWith("}")) {
          segments[i] = s.toLowerCase(Locale.ROOT).endsWith("token}") ? null : "";
        }
      }
      templates.add(segments);
    }
    return new Redaction(templates);
  }

  public String path(String path) {
    String[] actual = path.split("/", -1);
    for (String[] t : templates) {
      if (t.length != actual.length || !matches(t, actual)) {
        continue;
      }
      String[] out = actual.clone();
      for (int i = 0; i < t.length; i++) {
        if (t[i] == null) {
          out[i] = MASK;
        }
      }
      return String.join("/", out);
    }
    return path;
  }

  private static boolean matches(String[] template, String[] actual) {
    for (int i = 0; i < template.length; i++) {
      if (template[i] != null && !template[i].isEmpty() && !template[i].equals(actual[i])) {
        return false;
      }
    }
    return true;
  }

  /** A raw query string with the values of secret keys masked. */
  public String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return rawQuery;
    }
    StringBuilder sb = new StringBuilder();
    for (String pair : rawQuery.split("&", -1)) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      int eq = pair.indexOf('=');
      String key = QueryCheckFilter.decode(eq < 0 ? pair : pair.substring(0, eq));
      int bracket = key.indexOf('[');
      String bare = bracket > 0 ? key.substring(0, bracket) : key;
      sb.append(eq >= 0 && secretKey(bare) ? pair.substring(0, eq + 1) + MASK : pair);
    }
    return sb.toString();
  }

  public String header(String name, String value) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : value;
  }

  /** A JSON body with the values of secret keys masked, at any depth; null for a body that is not JSON. */
  public String body(String body) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !(node.isContainerNode())) {
        return null;
      }
      mask(node);
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      return null;
    }
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> secret = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (secretKey(e.getKey())) {
          secret.add(e.getKey());
        } else {
          mask(e.getValue());
        }
      }
      secret.forEach(k -> o.put(k, MASK));
    } else if (node.isArray()) {
      node.forEach(Redaction::mask);
    }
  }

  private static boolean secretKey(String key) {
    return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
  }
}
