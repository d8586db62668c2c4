package org.livechatcontract.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values the server handed out earlier in the run, by the parameter name that takes them back: the
 * suite's stand-in for OpenAPI links. A random valid request then sometimes names a visitor or a room
 * that exists, instead of a random token that the server can only refuse.
 *
 * <p>A key in an answer feeds the parameter of the same name ({@code token}); {@link #ALIASES} adds the
 * ones whose name differs ({@code rid} is the {@code _id} of a {@code room}).
 */
final class KnownValues {
  /** Parameter name: {@code parent.key} places in answers where its values appear. */
  static final Map<String, List<String>> ALIASES = Map.of(
      "rid", List.of("room._id", "rooms._id"),
      "agentId", List.of("servedBy._id"),
      "userId", List.of("data.userId"));
  private static final int KEEP = 32;

  private final Map<String, Set<String>> byName = new HashMap<>();

  /** Collects the values of an answer's body. */
  void harvest(JsonNode body) {
    walk(null, body);
  }

  /** Every value known for this name. */
  Set<String> all(String name) {
    return Set.copyOf(byName.getOrDefault(name, Set.of()));
  }

  /** A known value for this parameter name, or null. */
  String pick(String name, Values values) {
    Set<String> known = byName.get(name);
    if (known == null || known.isEmpty()) {
      return null;
    }
    List<String> list = new ArrayList<>(known);
    return list.get(values.nextInt(list.size()));
  }

  private void walk(String parent, JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> walk(parent, item));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
        remember(e.getKey(), e.getValue().asText());
        String place = parent + "." + e.getKey();
        ALIASES.forEach((name, places) -> {
          if (places.contains(place)) {
            remember(name, e.getValue().asText());
          }
        });
      } else {
        walk(e.getKey(), e.getValue());
      }
    }
  }

  private void remember(String name, String value) {
    Set<String> known = byName.computeIfAbsent(name, k -> new LinkedHashSet<>());
    if (known.size() < KEEP) {
      known.add(value);
    }
  }
}
