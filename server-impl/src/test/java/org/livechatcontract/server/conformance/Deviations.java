package org.livechatcontract.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reviewed relaxations of {@code conformance/deviations.yaml}: where Rocket.Chat's behaviour breaks a
 * generic REST expectation, one entry allows exactly that answer, for the named operations and check,
 * with its reason. Nothing else is relaxed, and the contract itself (status documented, content type,
 * headers, body schema, no 5xx) never is.
 */
final class Deviations {
  static final String RESOURCE = "conformance/deviations.yaml";
  /** The checks an entry may relax: expectations about behaviour, never the contract. */
  static final Set<String> RELAXABLE = Set.of("positive_data_acceptance", "negative_data_rejection", "ignored_auth",
      "unsupported_method", "allow_header_conformance", "use_after_free", "ensure_resource_availability");

  /** One relaxation: instead of {@code expected}, the operations may answer {@code status} with an error text that matches. */
  record Entry(String id, String check, List<String> operations, String expected, int status, Pattern error,
      String reason) {
    boolean covers(String check, String operationId, String expected, Wire.Answer answer) {
      return this.check.equals(check)
          && (operations.contains("*") || operations.contains(operationId))
          && this.expected.equals(expected)
          && status == answer.status()
          && error.matcher(answer.error() == null ? "" : answer.error()).matches();
    }
  }

  final List<Entry> entries;
  private final Map<String, Integer> uses = new LinkedHashMap<>();

  private Deviations(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    entries.forEach(e -> uses.put(e.id(), 0));
  }

  static Deviations load() {
    try (InputStream in = Deviations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<Entry> entries = new ArrayList<>();
      for (JsonNode e : root.path("deviations")) {
        List<String> ops = new ArrayList<>();
        e.path("operations").forEach(o -> ops.add(o.asText()));
        entries.add(new Entry(e.path("id").asText(""), e.path("check").asText(""), List.copyOf(ops),
            e.path("expected").asText(""), e.path("status").asInt(0), e.has("error") ? Pattern.compile(e.path("error").asText("")) : null,
            e.path("reason").asText("").trim()));
      }
      return new Deviations(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The entry that allows this answer instead of the expected one, counted as used. */
  Optional<Entry> allowing(String check, String operationId, String expected, Wire.Answer answer) {
    for (Entry e : entries) {
      if (e.covers(check, operationId, expected, answer)) {
        uses.merge(e.id(), 1, Integer::sum);
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** How often each entry allowed an answer in this run. */
  Map<String, Integer> uses() {
    return uses;
  }

  /**
   * The operations entries name that the spec does not have (yet): an entry can be written ahead of the
   * operations it is for, and relaxes nothing until they exist. The summary lists them, so a misspelt
   * operationId shows.
   */
  List<String> waitingOperations(Spec spec) {
    return entries.stream().flatMap(e -> e.operations().stream())
        .filter(op -> !"*".equals(op) && spec.byId(op) == null).distinct().sorted().toList();
  }

  /** The entries that can apply to this spec: '*' or at least one of their operations in it. */
  List<Entry> active(Spec spec) {
    return entries.stream().filter(e -> e.operations().stream().anyMatch(op -> "*".equals(op) || spec.byId(op) != null))
        .toList();
  }

  /** What is wrong with the file itself: each entry is complete and relaxes a relaxable check. */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (Entry e : entries) {
      String where = "deviation '" + e.id() + "'";
      if (e.id().isEmpty() || !ids.add(e.id())) {
        out.add(where + ": every entry needs its own id");
      }
      if (!RELAXABLE.contains(e.check())) {
        out.add(where + ": check '" + e.check() + "' cannot be relaxed (relaxable: " + RELAXABLE + ")");
      }
      if (e.operations().isEmpty()) {
        out.add(where + ": name the operations (or '*')");
      }

      if (e.expected().isEmpty() || e.status() < 100) {
        out.add(where + ": say what REST expects ('expected') and what is allowed instead ('status')");
      }
      if (e.error() == null) {
        out.add(where + ": give the error text it allows ('error', a regular expression; '' for an answer without one)");
      }
      if (e.reason().length() < 40) {
        out.add(where + ": give the reason, with its source");
      }
    }
    return out;
  }
}
