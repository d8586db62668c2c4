package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.support.Contract;

/**
 * The spec gates: the spec is valid OpenAPI 3.0, its examples are true to its schemas, it keeps the lint
 * rules (ids, summaries, tags, the statuses each operation can get, named response schemas, no open response
 * models), and the server's guards match what it declares. The breaking-change gate is
 * {@code conformance.BreakingChangeGateTest}.
 */
class SpecTest {
  static final SwaggerParseResult PARSED = new OpenAPIV3Parser().readLocation(Contract.SPEC, null, null);
  static final OpenAPI SPEC = PARSED.getOpenAPI();
  static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(Contract.SPEC).build();
  static final ObjectMapper JSON = new ObjectMapper();

  record Op(String path, PathItem.HttpMethod method, Operation operation) {
    /** The path with each parameter's example, or {@code example} for a parameter without one. */
    String concretePath() {
      List<io.swagger.v3.oas.models.parameters.Parameter> params = new ArrayList<>();
      if (SPEC.getPaths().get(path).getParameters() != null) {
        params.addAll(SPEC.getPaths().get(path).getParameters());
      }
      if (operation.getParameters() != null) {
        params.addAll(operation.getParameters());
      }
      String out = path;
      for (io.swagger.v3.oas.models.parameters.Parameter p : params) {
        if (p.get$ref() != null) {
          p = SPEC.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
        }
        if ("path".equals(p.getIn()) && p.getExample() != null) {
          out = out.replace("{" + p.getName() + "}", String.valueOf(p.getExample()));
        }
      }
      return out.replaceAll("\\{[^}]+}", "example");
    }
  }

  static List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    SPEC.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((m, op) -> ops.add(new Op(path, m, op))));
    return ops;
  }

  @Test
  void theSpecParsesAsOpenApi303WithoutMessages() {
    assertNotNull(SPEC, String.valueOf(PARSED.getMessages()));
    assertEquals(List.of(), PARSED.getMessages());
    assertEquals("3.0.3", SPEC.getOpenapi());
  }

  @Test
  void everyOperationHasAnIdASummaryAndExactlyOneTag() {
    Set<String> ids = new TreeSet<>();
    for (Op op : operations()) {
      String where = op.method() + " " + op.path();
      assertNotNull(op.operation().getOperationId(), where);
      assertTrue(ids.add(op.operation().getOperationId()), "duplicate operationId at " + where);
      assertNotNull(op.operation().getSummary(), where);
      assertEquals(1, op.operation().getTags().size(), where);
    }
  }

  @Test
  void everyResponseExampleValidatesAgainstItsOperationAndStatus() throws Exception {
    int checked = 0;
    for (Op op : operations()) {
      for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> e : op.operation().getResponses().entrySet()) {
        io.swagger.v3.oas.models.responses.ApiResponse response = resolve(e.getValue());
        if (response.getContent() == null) {
          continue;
        }
        MediaType media = response.getContent().get("application/json");
        for (Map.Entry<String, Example> ex : examples(media).entrySet()) {
          String body = JSON.writeValueAsString(ex.getValue().getValue());
          SimpleResponse.Builder answer = SimpleResponse.Builder.status(Integer.parseInt(e.getKey()))
              .withContentType("application/json").withBody(body);
          documentedHeaderValues(response).forEach(answer::withHeader);
          ValidationReport report = VALIDATOR.validateResponse(op.concretePath(),
              Request.Method.valueOf(op.method().name()), answer.build());
          assertFalse(report.hasErrors(), op.method() + " " + op.path() + " " + e.getKey() + " example '"
              + ex.getKey() + "': " + report.getMessages());
          checked++;
        }
      }
    }
    assertTrue(checked >= 20, "checked " + checked + " examples");
  }

  @Test
  void everyRequestBodyExampleValidates() throws Exception {
    int checked = 0;
    for (Op op : operations()) {
      if (op.operation().getRequestBody() == null) {
        continue;
      }
      MediaType media = op.operation().getRequestBody().getContent().get("application/json");
      for (Map.Entry<String, Example> ex : examples(media).entrySet()) {
        SimpleRequest request = new SimpleRequest.Builder(op.method().name(), op.concretePath())
            .withHeader("X-User-Id", "example").withHeader("X-Auth-Token", "example")
            .withContentType("application/json")
            .withBody(JSON.writeValueAsString(ex.getValue().getValue()))
            .build();
        ValidationReport report = VALIDATOR.validateRequest(request);
        assertFalse(report.hasErrors(), op.path() + " request example '" + ex.getKey() + "': " + report.getMessages());
        checked++;
      }
    }
    assertTrue(checked >= 4, "checked " + checked);
  }

  @Test
  void everyOperationDocumentsTheStatusesTheServerCanGiveIt() {
    for (Op op : operations()) {
      Set<String> statuses = op.operation().getResponses().keySet();
      String where = op.method() + " " + op.path() + " " + statuses;
      assertTrue(statuses.containsAll(List.of("200", "400", "414", "431", "500")), where);
      assertEquals("#/components/responses/ContractViolation", op.operation().getResponses().get("500").get$ref(),
          where + ": the 500 is the self-check's contract-violation");
      boolean secured = op.operation().getSecurity() != null && !op.operation().getSecurity().isEmpty();
      assertEquals(secured || "login".equals(op.operation().getOperationId()), statuses.contains("401"), where);
      // The permission middleware answers 403. A handler that checks a permission only in some cases
      // (x-permissions-in-handler) may answer 403 too, or a 400 of its own.
      boolean middleware = !permissions(op).isEmpty() || !extension(op, "x-permissions-any").isEmpty();
      boolean handler = !extension(op, "x-permissions-in-handler").isEmpty();
      assertEquals(middleware || (handler && statuses.contains("403")), statuses.contains("403"), where);
      assertEquals(op.operation().getRequestBody() != null, statuses.contains("415"), where);
    }
  }

  @Test
  void theServerGuardsExactlyTheOperationsTheSpecSecures() {
    for (Op op : operations()) {
      Method impl = implementation(op.operation().getOperationId());
      Authenticated guard = impl.getAnnotation(Authenticated.class);
      // only the user credentials are @Authenticated's; the visitor-token scheme (uploads) is checked by the domain
      boolean secured = op.operation().getSecurity() != null && op.operation().getSecurity().stream()
          .anyMatch(requirement -> requirement.containsKey("userId"));
      assertEquals(secured, guard != null, op.operation().getOperationId() + ": spec security vs @Authenticated");
      if (guard != null) {
        assertEquals(new TreeSet<>(permissions(op)), new TreeSet<>(Arrays.asList(guard.permissions())),
            op.operation().getOperationId() + ": x-permissions vs @Authenticated(permissions)");
        assertEquals(new TreeSet<>(extension(op, "x-permissions-any")), new TreeSet<>(Arrays.asList(guard.anyOf())),
            op.operation().getOperationId() + ": x-permissions-any vs @Authenticated(anyOf)");
      }
    }
  }

  @Test
  void everyGeneratedInterfaceIsServedByARegisteredResource() {
    Set<Class<?>> served = LivechatServer.RESOURCES.stream()
        .flatMap(c -> Arrays.stream(c.getInterfaces())).collect(Collectors.toSet());
    for (String tag : SPEC.getTags().stream().map(t -> t.getName()).toList()) {
      String iface = "org.livechatcontract.api." + tag.replace(" ", "") + "Api";
      assertTrue(served.stream().anyMatch(c -> c.getName().equals(iface)), iface + " has no registered resource");
    }
  }

  @Test
  void noResponseDeclaresItsSchemaInline() {
    for (Op op : operations()) {
      op.operation().getResponses().forEach((status, r) -> {
        io.swagger.v3.oas.models.responses.ApiResponse response = resolve(r);
        if (response.getContent() != null) {
          // A JSON schema becomes a generated model; a file's binary string does not.
          response.getContent().entrySet().stream().filter(m -> m.getKey().endsWith("json")).forEach(m -> assertNotNull(
              m.getValue().getSchema().get$ref(),
              op.operation().getOperationId() + " " + status + " " + m.getKey()
                  + ": give the schema a name in components/schemas (an inline one becomes a model named after the operation)"));
        }
      });
    }
  }

  @Test
  void noSchemaAResponseReachesAllowsAnyAdditionalProperty() {
    Set<String> reached = new TreeSet<>();
    for (Op op : operations()) {
      op.operation().getResponses().values().stream().map(SpecTest::resolve)
          .filter(r -> r.getContent() != null)
          .forEach(r -> r.getContent().values().forEach(m -> reach(m.getSchema(), reached)));
    }
    assertTrue(reached.contains("RoomResponse"), reached.toString());
    for (String name : reached) {
      Schema<?> schema = SPEC.getComponents().getSchemas().get(name);
      Object ap = schema.getAdditionalProperties();
      boolean open = Boolean.TRUE.equals(ap) || (ap instanceof Schema<?> s && s.getType() == null && s.get$ref() == null
          && s.getProperties() == null);
      assertFalse(open, name + ": additionalProperties: true on a response schema makes its model a HashMap "
          + "that writes \"empty\"; leave it out (absent means closed for the generated models)");
      if (schema.getProperties() != null) {
        schema.getProperties().forEach((prop, p) -> {
          Object pap = p.getAdditionalProperties();
          assertFalse(Boolean.TRUE.equals(pap), name + "." + prop + ": additionalProperties: true");
        });
      }
    }
  }

  @Test
  void everyParameterExampleValidatesAgainstItsSchema() {
    int checked = 0;
    for (Op op : operations()) {
      List<io.swagger.v3.oas.models.parameters.Parameter> params = new ArrayList<>();
      if (SPEC.getPaths().get(op.path()).getParameters() != null) {
        params.addAll(SPEC.getPaths().get(op.path()).getParameters());
      }
      if (op.operation().getParameters() != null) {
        params.addAll(op.operation().getParameters());
      }
      for (io.swagger.v3.oas.models.parameters.Parameter p : params) {
        if (p.getExample() == null) {
          continue;
        }
        String path = op.path();
        for (io.swagger.v3.oas.models.parameters.Parameter other : params) {
          if ("path".equals(other.getIn())) {
            path = path.replace("{" + other.getName() + "}", exampleOf(other, p));
          }
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(op.method().name(), path);
        for (io.swagger.v3.oas.models.parameters.Parameter other : params) {
          if ("query".equals(other.getIn())) {
            request.withQueryParam(other.getName(), exampleOf(other, p));
          } else if ("header".equals(other.getIn())) {
            request.withHeader(other.getName(), exampleOf(other, p));
          }
        }
        if (op.operation().getRequestBody() != null) {
          request.withContentType("application/json").withBody("{}");
        }
        ValidationReport report = VALIDATOR.validateRequest(request.build()).getMessages().stream()
            .filter(m -> m.getKey().startsWith("validation.request.parameter"))
            .collect(ValidationReport::empty, (r, m) -> r.merge(ValidationReport.singleton(m)), ValidationReport::merge);
        assertFalse(report.hasErrors(), op.operation().getOperationId() + " parameter " + p.getName() + " example: "
            + report.getMessages());
        checked++;
      }
    }
    assertTrue(checked >= 3, "checked " + checked);
  }

  /** The example of the parameter under test, and a plain value for the others. */
  private static String exampleOf(io.swagger.v3.oas.models.parameters.Parameter p,
      io.swagger.v3.oas.models.parameters.Parameter underTest) {
    return p == underTest || p.getExample() != null ? String.valueOf(p.getExample()) : "x";
  }

  private static void reach(Schema<?> schema, Set<String> reached) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (reached.add(name)) {
        reach(SPEC.getComponents().getSchemas().get(name), reached);
      }
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> reach(p, reached));
    }
    if (schema.getItems() != null) {
      reach(schema.getItems(), reached);
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> ap) {
      reach(ap, reached);
    }
    for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (parts != null) {
        parts.forEach(p -> reach(p, reached));
      }
    }
  }

  /** A value for each header a response documents: its schema's first enum value, or its example. */
  static Map<String, String> documentedHeaderValues(io.swagger.v3.oas.models.responses.ApiResponse response) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (response.getHeaders() == null) {
      return out;
    }
    response.getHeaders().forEach((name, h) -> {
      io.swagger.v3.oas.models.headers.Header header = h.get$ref() == null ? h
          : SPEC.getComponents().getHeaders().get(h.get$ref().substring(h.get$ref().lastIndexOf('/') + 1));
      Schema<?> schema = header.getSchema();
      Object value = schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty() ? schema.getEnum().get(0)
          : header.getExample() != null ? header.getExample() : schema == null ? null : schema.getExample();
      if (value != null) {
        out.put(name, String.valueOf(value));
      }
    });
    return out;
  }

  /** The permissions the middleware checks: the user needs every one of them. */
  static List<String> permissions(Op op) {
    return extension(op, "x-permissions");
  }

  @SuppressWarnings("unchecked")
  static List<String> extension(Op op, String name) {
    Map<String, Object> ext = op.operation().getExtensions();
    return ext == null || !ext.containsKey(name) ? List.of() : (List<String>) ext.get(name);
  }

  static Method implementation(String operationId) {
    for (Class<?> resource : LivechatServer.RESOURCES) {
      for (Method m : resource.getDeclaredMethods()) {
        if (m.getName().equals(operationId) && !m.isSynthetic()) {
          return m;
        }
      }
    }
    throw new AssertionError("no resource implements " + operationId);
  }

  static io.swagger.v3.oas.models.responses.ApiResponse resolve(io.swagger.v3.oas.models.responses.ApiResponse r) {
    if (r.get$ref() == null) {
      return r;
    }
    String name = r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1);
    return SPEC.getComponents().getResponses().get(name);
  }

  static Map<String, Example> examples(MediaType media) {
    if (media == null || media.getExamples() == null) {
      return Map.of();
    }
    Map<String, Example> out = new java.util.LinkedHashMap<>();
    media.getExamples().forEach((name, ex) -> {
      if (ex.get$ref() != null) {
        String ref = ex.get$ref().substring(ex.get$ref().lastIndexOf('/') + 1);
        out.put(name, SPEC.getComponents().getExamples().get(ref));
      } else {
        out.put(name, ex);
      }
    });
    return out;
  }
}
