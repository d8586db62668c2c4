package org.livechatcontract.server.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What {@code openapi/livechat.yaml} allows each operation to answer, and the check of one answer
 * against it: the status is documented for the operation, the {@code Content-Type} is a documented
 * one, the documented headers are there, and the body validates against the documented schema.
 *
 * <p>The spec is read as a plain JSON tree; bodies and header values are validated with networknt's
 * OpenAPI 3.0 dialect, with the schemas compiled once, at start. Immutable and thread-safe.
 */
public final class ResponseContract {
  public static final String SPEC_RESOURCE = "openapi/livechat.yaml";
  /** The name the spec is registered under; never fetched. */
  private static final String SPEC_IRI = "https://livechat-contract.local/openapi.json";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final int MAX_PROBLEMS = 10;
  /** OpenAPI 3.0 schemas, inside a document whose top-level keys are not schema keywords. */
  private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi30())
      .keywords(List.of("openapi", "info", "servers", "tags", "paths", "components", "security", "externalDocs")
          .stream().map(NonValidationKeyword::new).toList())
      .build();

  /** The rules an answer can break; the wire names are the spec's {@code ContractViolation.rule} values. */
  public enum Rule {
    STATUS_DOCUMENTED("status-documented"),
    CONTENT_TYPE("content-type"),
    RESPONSE_HEADERS("response-headers"),
    RESPONSE_SCHEMA("response-schema");

    private final String wire;

    Rule(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** One broken rule: which operation answered (null if the request matched none), what status, what broke. */
  public record Violation(Rule rule, String operationId, int status, List<String> problems) {
    @Override
    public String toString() {
      return rule.wire() + " (" + (operationId == null ? "no operation" : operationId) + ", status " + status + "): "
          + String.join("; ", problems);
    }
  }

  private record Header(String name, boolean required, Schema schema) {}

  private record Answer(Map<String, Schema> media, List<Header> headers) {}

  private record Operation(String id, String method, Pattern path, int templated, Map<String, Answer> answers) {}

  private final List<Operation> operations;
  /** For answers to requests that match no operation (unknown path, undeclared method): the error shape. */
  private final Schema unmatchedErrorSchema;

  private ResponseContract(JsonNode spec) {
    SchemaRegistry registry = SchemaRegistry.withDialect(DIALECT, b -> b
        .schemas(Map.of(SPEC_IRI, spec.toString()))
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .locale(Locale.ROOT)
            .build()));
    List<Operation> ops = new ArrayList<>();
    spec.path("paths").fields().forEachRemaining(path -> {
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null) {
          String pointer = "/paths/" + escape(path.getKey()) + "/" + method;
          ops.add(new Operation(op.path("operationId").asText(null), method.toUpperCase(Locale.ROOT),
              template(path.getKey()), count(path.getKey(), '{'), answers(spec, registry, op, pointer)));
        }
      }
    });
    // A concrete path wins over a templated one that also matches it (OpenAPI's rule).
    ops.sort(Comparator.comparingInt(Operation::templated));
    this.operations = List.copyOf(ops);
    this.unmatchedErrorSchema = spec.path("components").path("schemas").has("ErrorResponse")
        ? registry.getSchema(SchemaLocation.of(SPEC_IRI + "#/components/schemas/ErrorResponse")) : null;
  }

  /** The spec that the generated jar carries. */
  public static ResponseContract fromClasspathSpec() {
    try (InputStream in = ResponseContract.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath (it ships in the generated jar)");
      }
      return new ResponseContract(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SPEC_RESOURCE, e);
    }
  }

  /** Any OpenAPI 3.0 document, as YAML or JSON text. */
  public static ResponseContract fromYaml(String yaml) {
    try {
      return new ResponseContract(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("not a YAML document", e);
    }
  }

  /**
   * Checks one answer.
   *
   * @param rawPath the request path as sent, still percent-encoded
   * @param contentType the answer's {@code Content-Type}, or null
   * @param header the answer's headers, by name (case-insensitive), null when absent
   * @param body the answer's body as JSON, or null when it has none
   * @return the first rule the answer breaks, or empty when it keeps the contract
   */
  public Optional<Violation> check(String method, String rawPath, int status, String contentType,
      Function<String, String> header, JsonNode body) {
    return check(method, rawPath, status, contentType, header, body != null, body);
  }

  /**
   * Checks one answer whose body may be other than JSON ({@code hasBody} with a null {@code json}): its
   * media type must still be a documented one, and only a JSON body is validated against a schema.
   */
  public Optional<Violation> check(String method, String rawPath, int status, String contentType,
      Function<String, String> header, boolean hasBody, JsonNode json) {
    Operation op = operation(method, rawPath);
    if (op == null) {
      return checkUnmatched(status, contentType, hasBody, json);
    }
    Answer answer = op.answers().get(Integer.toString(status));
    if (answer == null) {
      answer = op.answers().get((status / 100) + "XX");
    }
    if (answer == null) {
      answer = op.answers().get("default");
    }
    if (answer == null) {
      return violation(Rule.STATUS_DOCUMENTED, op.id(), status,
          List.of("status " + status + " is not documented for " + op.id()));
    }
    String media = baseType(contentType);
    String documented = media == null ? null : documentedMedia(answer, media);
    if (answer.media().isEmpty()) {
      if (hasBody) {
        return violation(Rule.CONTENT_TYPE, op.id(), status, List.of("a body where the spec documents none"));
      }
    } else if (documented == null) {
      return violation(Rule.CONTENT_TYPE, op.id(), status,
          List.of("Content-Type " + contentType + " is not one of " + answer.media().keySet()));
    }
    List<String> problems = new ArrayList<>();
    for (Header h : answer.headers()) {
      String value = header.apply(h.name());
      if (value == null) {
        if (h.required()) {
          problems.add("header " + h.name() + " is missing");
        }
      } else if (h.schema() != null) {
        h.schema().validate(TextNode.valueOf(value)).forEach(e -> problems.add("header " + h.name() + ": " + text(e)));
      }
    }
    if (!problems.isEmpty()) {
      return violation(Rule.RESPONSE_HEADERS, op.id(), status, problems);
    }
    Schema schema = documented == null || !isJson(documented) ? null : answer.media().get(documented);
    if (schema != null) {
      if (json == null) {
        return violation(Rule.RESPONSE_SCHEMA, op.id(), status, List.of(hasBody ? "the body is not JSON"
            : "no body where " + media + " is documented"));
      }
      schema.validate(json).forEach(e -> problems.add(text(e)));
      if (!problems.isEmpty()) {
        return violation(Rule.RESPONSE_SCHEMA, op.id(), status, problems);
      }
    }
    return Optional.empty();
  }

  /** The operationId of the operation a request reaches, if the spec declares one for it. */
  public Optional<String> operationId(String method, String rawPath) {
    Operation op = operation(method, rawPath);
    return op == null ? Optional.empty() : Optional.ofNullable(op.id());
  }

  private Optional<Violation> checkUnmatched(int status, String contentType, boolean hasBody, JsonNode json) {
    if (!hasBody) {
      return Optional.empty();
    }
    if (!"application/json".equals(baseType(contentType)) || json == null) {
      return violation(Rule.CONTENT_TYPE, null, status, List.of("Content-Type " + contentType + " is not application/json"));
    }
    if (unmatchedErrorSchema != null) {
      List<String> problems = new ArrayList<>();
      unmatchedErrorSchema.validate(json).forEach(e -> problems.add("not an ErrorResponse: " + text(e)));
      if (!problems.isEmpty()) {
        return violation(Rule.RESPONSE_SCHEMA, null, status, problems);
      }
    }
    return Optional.empty();
  }

  private Operation operation(String method, String rawPath) {
    String m = "HEAD".equals(method) ? "GET" : method; // a HEAD is answered as the GET it stands for
    for (Operation op : operations) {
      if (op.method().equals(m) && op.path().matcher(rawPath).matches()) {
        return op;
      }
    }
    return null;
  }

  private static Optional<Violation> violation(Rule rule, String operationId, int status, List<String> problems) {
    List<String> shown = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    return Optional.of(new Violation(rule, operationId, status, List.copyOf(shown)));
  }

  private static String text(Error e) {
    String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    String message = e.getMessage();
    return message.startsWith(where) ? message : where + ": " + message;
  }

  /** The documented media type that covers this one ({@code image/png} is covered by {@code image/*} and by star-slash-star). */
  private static String documentedMedia(Answer answer, String media) {
    if (answer.media().containsKey(media)) {
      return media;
    }
    String wildcard = media.substring(0, Math.max(0, media.indexOf('/'))) + "/*";
    return answer.media().containsKey(wildcard) ? wildcard : answer.media().containsKey("*/*") ? "*/*" : null;
  }

  /** JSON, the media type this check validates bodies of: {@code application/json} and {@code +json} types. */
  public static boolean isJson(String contentType) {
    String media = baseType(contentType);
    return media != null && (media.equals("application/json") || media.endsWith("+json"));
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  // Reading the spec.

  private static Map<String, Answer> answers(JsonNode spec, SchemaRegistry registry, JsonNode op, String opPointer) {
    Map<String, Answer> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Located response = follow(spec, opPointer + "/responses/" + escape(e.getKey()), e.getValue());
      Map<String, Schema> media = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> m = response.node().path("content").fields(); m.hasNext(); ) {
        Map.Entry<String, JsonNode> type = m.next();
        media.put(type.getKey().toLowerCase(Locale.ROOT), type.getValue().has("schema")
            ? schema(registry, response.pointer() + "/content/" + escape(type.getKey())) : null);
      }
      List<Header> headers = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> h = response.node().path("headers").fields(); h.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = h.next();
        Located header = follow(spec, response.pointer() + "/headers/" + escape(entry.getKey()), entry.getValue());
        headers.add(new Header(entry.getKey(), header.node().path("required").asBoolean(false),
            header.node().has("schema") ? schema(registry, header.pointer()) : null));
      }
      out.put(e.getKey().toUpperCase(Locale.ROOT), new Answer(media, headers));
    }
    return out;
  }

  /** A node of the spec and the JSON pointer it sits at. */
  private record Located(String pointer, JsonNode node) {}

  /** The node itself, or the one its {@code $ref} points to. */
  private static Located follow(JsonNode spec, String pointer, JsonNode node) {
    if (!node.has("$ref")) {
      return new Located(pointer, node);
    }
    String target = node.get("$ref").asText().substring(1);
    return new Located(target, at(spec, target));
  }

  /** The compiled {@code schema} of the node at this pointer. */
  private static Schema schema(SchemaRegistry registry, String pointer) {
    return registry.getSchema(SchemaLocation.of(SPEC_IRI + "#" + pointer + "/schema"));
  }

  private static JsonNode at(JsonNode spec, String pointer) {
    JsonNode node = spec.at(pointer);
    if (node.isMissingNode()) {
      throw new IllegalStateException("the spec has no " + pointer);
    }
    return node;
  }

  /** A JSON-pointer segment: {@code ~} and {@code /} escaped (RFC 6901). */
  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static Pattern template(String path) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      int open = path.indexOf('{', i);
      if (open < 0) {
        re.append(Pattern.quote(path.substring(i)));
        break;
      }
      re.append(Pattern.quote(path.substring(i, open))).append("[^/]+");
      i = path.indexOf('}', open) + 1;
    }
    return Pattern.compile(re.toString());
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
