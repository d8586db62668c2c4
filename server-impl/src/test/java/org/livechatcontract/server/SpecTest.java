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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.stub.Stub;
import org.livechatcontract.server.support.Contract;

/**
 * Each spec (the Livechat API's and the stub admin API's) is valid, its examples are true to its
 * schemas, and the server's guards match what it declares.
 */
class SpecTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A spec, the resources that serve it, the package of its generated interfaces, and how many examples it has at least. */
  record Spec(String location, List<Class<?>> resources, String apiPackage, int minResponseExamples,
      int minRequestExamples, SwaggerParseResult parsed, OpenApiInteractionValidator validator) {
    Spec(String location, List<Class<?>> resources, String apiPackage, int minResponseExamples, int minRequestExamples) {
      this(location, resources, apiPackage, minResponseExamples, minRequestExamples,
          new OpenAPIV3Parser().readLocation(location, null, null),
          OpenApiInteractionValidator.createForSpecificationUrl(location).build());
    }

    OpenAPI api() {
      return parsed.getOpenAPI();
    }

    @Override
    public String toString() {
      return location;
    }
  }

  static final List<Spec> SPECS = List.of(
      new Spec(Contract.SPEC, LivechatServer.RESOURCES, "org.livechatcontract.api", 20, 4),
      new Spec(Contract.STUB_ADMIN_SPEC, Stub.RESOURCES, "org.livechatcontract.stub.api", 12, 5));

  static List<Spec> specs() {
    return SPECS;
  }

  record Op(String path, PathItem.HttpMethod method, Operation operation,
      List<io.swagger.v3.oas.models.security.SecurityRequirement> security) {
    /** Whether any credential is asked for (then a 401 is possible). */
    boolean secured() {
      return !security.isEmpty();
    }

    /** The path with each path parameter's example, or {@code example} for a parameter without one. */
    String concretePath(OpenAPI api) {
      List<io.swagger.v3.oas.models.parameters.Parameter> params = new ArrayList<>();
      if (api.getPaths().get(path).getParameters() != null) {
        params.addAll(api.getPaths().get(path).getParameters());
      }
      if (operation.getParameters() != null) {
        params.addAll(operation.getParameters());
      }
      String out = path;
      for (io.swagger.v3.oas.models.parameters.Parameter p : params) {
        if (p.get$ref() != null) {
          p = api.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
        }
        if ("path".equals(p.getIn()) && p.getExample() != null) {
          out = out.replace("{" + p.getName() + "}", String.valueOf(p.getExample()));
        }
      }
      return out.replaceAll("\\{[^}]+}", "example");
    }
  }

  /** Every operation; {@code secured} from its own {@code security}, else the spec's global one. */
  static List<Op> operations(Spec spec) {
    List<Op> ops = new ArrayList<>();
    List<io.swagger.v3.oas.models.security.SecurityRequirement> global = spec.api().getSecurity();
    spec.api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((m, op) -> {
      List<io.swagger.v3.oas.models.security.SecurityRequirement> own = op.getSecurity() != null ? op.getSecurity() : global;
      ops.add(new Op(path, m, op, own == null ? List.of() : own));
    }));
    return ops;
  }

  @ParameterizedTest
  @MethodSource("specs")
  void theSpecParsesAsOpenApi303WithoutMessages(Spec spec) {
    assertNotNull(spec.api(), String.valueOf(spec.parsed().getMessages()));
    assertEquals(List.of(), spec.parsed().getMessages());
    assertEquals("3.0.3", spec.api().getOpenapi());
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyOperationHasAnIdASummaryAndExactlyOneTag(Spec spec) {
    Set<String> ids = new TreeSet<>();
    for (Op op : operations(spec)) {
      String where = op.method() + " " + op.path();
      assertNotNull(op.operation().getOperationId(), where);
      assertTrue(ids.add(op.operation().getOperationId()), "duplicate operationId at " + where);
      assertNotNull(op.operation().getSummary(), where);
      assertEquals(1, op.operation().getTags().size(), where);
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyResponseExampleValidatesAgainstItsOperationAndStatus(Spec spec) throws Exception {
    int checked = 0;
    for (Op op : operations(spec)) {
      for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> e : op.operation().getResponses().entrySet()) {
        io.swagger.v3.oas.models.responses.ApiResponse response = resolve(spec, e.getValue());
        if (response.getContent() == null) {
          continue;
        }
        MediaType media = response.getContent().get("application/json");
        for (Map.Entry<String, Example> ex : examples(spec, media).entrySet()) {
          String body = JSON.writeValueAsString(ex.getValue().getValue());
          SimpleResponse.Builder answer = SimpleResponse.Builder.status(Integer.parseInt(e.getKey()))
              .withContentType("application/json").withBody(body);
          documentedHeaderValues(spec, response).forEach(answer::withHeader);
          ValidationReport report = spec.validator().validateResponse(op.concretePath(spec.api()),
              Request.Method.valueOf(op.method().name()), answer.build());
          assertFalse(report.hasErrors(), op.method() + " " + op.path() + " " + e.getKey() + " example '"
              + ex.getKey() + "': " + report.getMessages());
          checked++;
        }
      }
    }
    assertTrue(checked >= spec.minResponseExamples(), "checked " + checked + " examples");
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyRequestBodyExampleValidates(Spec spec) throws Exception {
    int checked = 0;
    for (Op op : operations(spec)) {
      if (op.operation().getRequestBody() == null) {
        continue;
      }
      MediaType media = op.operation().getRequestBody().getContent().get("application/json");
      for (Map.Entry<String, Example> ex : examples(spec, media).entrySet()) {
        SimpleRequest request = new SimpleRequest.Builder(op.method().name(), op.concretePath(spec.api()))
            .withHeader("X-User-Id", "example").withHeader("X-Auth-Token", "example")
            .withContentType("application/json")
            .withBody(JSON.writeValueAsString(ex.getValue().getValue()))
            .build();
        ValidationReport report = spec.validator().validateRequest(request);
        assertFalse(report.hasErrors(), op.path() + " request example '" + ex.getKey() + "': " + report.getMessages());
        checked++;
      }
    }
    assertTrue(checked >= spec.minRequestExamples(), "checked " + checked);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyOperationDocumentsTheStatusesTheServerCanGiveIt(Spec spec) {
    for (Op op : operations(spec)) {
      Set<String> statuses = op.operation().getResponses().keySet();
      String where = op.method() + " " + op.path() + " " + statuses;
      assertTrue(statuses.containsAll(List.of("200", "400", "414", "431")), where);
      boolean secured = op.secured();
      assertEquals(secured || "login".equals(op.operation().getOperationId()), statuses.contains("401"), where);
      // The permission middleware answers 403. A handler that checks a permission only in some cases
      // (x-permissions-in-handler) may answer 403 too, or a 400 of its own.
      boolean middleware = !permissions(op).isEmpty() || !extension(op, "x-permissions-any").isEmpty();
      boolean handler = !extension(op, "x-permissions-in-handler").isEmpty();
      assertEquals(middleware || (handler && statuses.contains("403")), statuses.contains("403"), where);
      assertEquals(op.operation().getRequestBody() != null, statuses.contains("415"), where);
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void theServerGuardsExactlyTheOperationsTheSpecSecures(Spec spec) {
    for (Op op : operations(spec)) {
      Method impl = implementation(spec, op.operation().getOperationId());
      Authenticated guard = impl.getAnnotation(Authenticated.class);
      // only the user credentials are @Authenticated's; the visitor-token scheme (uploads) is checked by the domain
      boolean secured = op.security().stream().anyMatch(requirement -> requirement.containsKey("userId"));
      assertEquals(secured, guard != null, op.operation().getOperationId() + ": spec security vs @Authenticated");
      if (guard != null) {
        assertEquals(new TreeSet<>(permissions(op)), new TreeSet<>(Arrays.asList(guard.permissions())),
            op.operation().getOperationId() + ": x-permissions vs @Authenticated(permissions)");
        assertEquals(new TreeSet<>(extension(op, "x-permissions-any")), new TreeSet<>(Arrays.asList(guard.anyOf())),
            op.operation().getOperationId() + ": x-permissions-any vs @Authenticated(anyOf)");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyGeneratedInterfaceIsServedByARegisteredResource(Spec spec) {
    Set<Class<?>> served = spec.resources().stream()
        .flatMap(c -> Arrays.stream(c.getInterfaces())).collect(Collectors.toSet());
    for (String tag : spec.api().getTags().stream().map(t -> t.getName()).toList()) {
      String iface = spec.apiPackage() + "." + tag.replace(" ", "") + "Api";
      assertTrue(served.stream().anyMatch(c -> c.getName().equals(iface)), iface + " has no registered resource");
    }
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

  static Method implementation(Spec spec, String operationId) {
    for (Class<?> resource : spec.resources()) {
      for (Method m : resource.getDeclaredMethods()) {
        if (m.getName().equals(operationId) && !m.isSynthetic()) {
          return m;
        }
      }
    }
    throw new AssertionError("no resource implements " + operationId);
  }

  static io.swagger.v3.oas.models.responses.ApiResponse resolve(Spec spec, io.swagger.v3.oas.models.responses.ApiResponse r) {
    if (r.get$ref() == null) {
      return r;
    }
    String name = r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1);
    return spec.api().getComponents().getResponses().get(name);
  }

  static Map<String, Example> examples(Spec spec, MediaType media) {
    if (media == null || media.getExamples() == null) {
      return Map.of();
    }
    Map<String, Example> out = new java.util.LinkedHashMap<>();
    media.getExamples().forEach((name, ex) -> {
      if (ex.get$ref() != null) {
        String ref = ex.get$ref().substring(ex.get$ref().lastIndexOf('/') + 1);
        out.put(name, spec.api().getComponents().getExamples().get(ref));
      } else {
        out.put(name, ex);
      }
    });
    return out;
  }

  /** A value for each header a response documents: its schema's first enum value, or its example. */
  static Map<String, String> documentedHeaderValues(Spec spec, io.swagger.v3.oas.models.responses.ApiResponse response) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (response.getHeaders() == null) {
      return out;
    }
    response.getHeaders().forEach((name, h) -> {
      io.swagger.v3.oas.models.headers.Header header = h.get$ref() == null ? h
          : spec.api().getComponents().getHeaders().get(h.get$ref().substring(h.get$ref().lastIndexOf('/') + 1));
      io.swagger.v3.oas.models.media.Schema<?> schema = header.getSchema();
      Object value = schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty() ? schema.getEnum().get(0)
          : header.getExample() != null ? header.getExample() : schema == null ? null : schema.getExample();
      if (value != null) {
        out.put(name, String.valueOf(value));
      }
    });
    return out;
  }
}
