package org.livechatcontract.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of {@code openapi/livechat.yaml} as the suite needs them, read with swagger-parser with
 * every {@code $ref} resolved: parameters, request body, documented statuses, security.
 */
final class Spec {
  static final String RESOURCE = "openapi/livechat.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> LOGIN_HEADERS = List.of("X-User-Id", "X-Auth-Token");

  /** A parameter: where it goes, whether it must be there, its schema, its example, and whether {@code a=} is allowed. */
  record Param(String name, String in, boolean required, Schema<?> schema, Object example, boolean allowEmptyValue) {}

  /** The JSON request body: its schema and its named examples. */
  record Body(boolean required, Schema<?> schema, Map<String, JsonNode> examples) {}

  /**
   * One operation. {@code statuses} are the documented response keys ("200", "4XX", "default");
   * {@code otherBody} is the media type of a request body that is not JSON (the suite does not generate those).
   */
  record Op(String id, String method, String path, List<Param> params, Body body, String otherBody,
      Map<String, Set<String>> mediaByStatus, List<String> credentialHeaders, List<String> permissions) {

    /** Whether the operation asks for credentials. */
    boolean secured() {
      return !credentialHeaders.isEmpty();
    }

    /** Whether its credentials are a login's {@code X-User-Id} and {@code X-Auth-Token}, which the suite can get. */
    boolean securedByLogin() {
      return credentialHeaders.size() == 2 && credentialHeaders.containsAll(LOGIN_HEADERS);
    }

    Set<String> statuses() {
      return mediaByStatus.keySet();
    }

    /** Whether the answer with this status is documented as something other than JSON (a file). */
    boolean documentsOtherThanJson(int status) {
      Set<String> media = mediaByStatus.getOrDefault(Integer.toString(status), Set.of());
      return !media.isEmpty() && media.stream().noneMatch(m -> m.endsWith("json"));
    }

    boolean documents(int status) {
      return statuses().contains(Integer.toString(status)) || statuses().contains(status / 100 + "XX")
          || statuses().contains("default");
    }

    List<Param> params(String in) {
      return params.stream().filter(p -> p.in().equals(in)).toList();
    }

    @Override
    public String toString() {
      return id + " (" + method + " " + path + ")";
    }
  }

  final OpenAPI openApi;
  final List<Op> operations;
  /** The methods each path declares, upper case. */
  final Map<String, Set<String>> methodsByPath;

  private Spec(OpenAPI openApi) {
    this.openApi = openApi;
    List<Op> ops = new ArrayList<>();
    Map<String, Set<String>> methods = new LinkedHashMap<>();
    openApi.getPaths().forEach((path, item) -> {
      Set<String> declared = new LinkedHashSet<>();
      item.readOperationsMap().forEach((method, op) -> {
        declared.add(method.name());
        ops.add(op(path, item, method, op));
      });
      methods.put(path, declared);
    });
    this.operations = List.copyOf(ops);
    this.methodsByPath = methods;
  }

  static Spec load() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(RESOURCE, null, options);
    if (parsed.getOpenAPI() == null) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + parsed.getMessages());
    }
    return new Spec(parsed.getOpenAPI());
  }

  Op byId(String operationId) {
    return operations.stream().filter(o -> operationId.equals(o.id())).findFirst().orElse(null);
  }

  Op byRoute(String method, String path) {
    return operations.stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst().orElse(null);
  }

  private Op op(String path, PathItem item, PathItem.HttpMethod method, Operation op) {
    List<Param> params = new ArrayList<>();
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      all.addAll(op.getParameters());
    }
    for (Parameter p : all) {
      params.removeIf(existing -> existing.name().equals(p.getName()) && existing.in().equals(p.getIn()));
      params.add(new Param(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired()), p.getSchema(), p.getExample(),
          Boolean.TRUE.equals(p.getAllowEmptyValue())));
    }
    Body body = null;
    String otherBody = null;
    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
      MediaType json = op.getRequestBody().getContent().get("application/json");
      if (json != null) {
        body = new Body(Boolean.TRUE.equals(op.getRequestBody().getRequired()), json.getSchema(), examples(json));
      } else {
        otherBody = op.getRequestBody().getContent().keySet().iterator().next();
      }
    }
    List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity()
        : openApi.getSecurity() != null ? openApi.getSecurity() : List.of();
    List<String> credentialHeaders = new ArrayList<>();
    if (!security.isEmpty()) {
      for (String scheme : security.get(0).keySet()) {
        SecurityScheme s = openApi.getComponents().getSecuritySchemes().get(scheme);
        if (s != null && s.getType() == SecurityScheme.Type.APIKEY && s.getIn() == SecurityScheme.In.HEADER) {
          credentialHeaders.add(s.getName());
        }
      }
    }
    @SuppressWarnings("unchecked")
    List<String> permissions = op.getExtensions() != null && op.getExtensions().get("x-permissions") instanceof List<?> l
        ? (List<String>) l : List.of();
    Map<String, Set<String>> media = new LinkedHashMap<>();
    op.getResponses().forEach((status, r) -> media.put(status,
        r.getContent() == null ? Set.of() : Set.copyOf(r.getContent().keySet())));
    return new Op(op.getOperationId(), method.name().toUpperCase(Locale.ROOT), path, List.copyOf(params), body,
        otherBody, media, List.copyOf(credentialHeaders), List.copyOf(permissions));
  }

  private Map<String, JsonNode> examples(MediaType media) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (media.getExample() != null) {
      out.put("example", JSON.valueToTree(media.getExample()));
    }
    if (media.getExamples() != null) {
      media.getExamples().forEach((name, ex) -> {
        Example resolved = ex.get$ref() == null ? ex
            : openApi.getComponents().getExamples().get(ex.get$ref().substring(ex.get$ref().lastIndexOf('/') + 1));
        out.put(name, JSON.valueToTree(resolved.getValue()));
      });
    }
    return out;
  }
}
