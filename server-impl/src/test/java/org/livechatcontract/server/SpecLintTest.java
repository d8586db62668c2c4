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
 * Lint rules on the Livechat spec that keep the generated models and the self-check sound: named
 * response schemas, no open response models, parameter examples that validate, and the self-check's
 * 500 on every operation. ({@link SpecTest} checks validity, examples and guards of both specs; the
 * breaking-change gate is {@code conformance.BreakingChangeGateTest}.)
 */
class SpecLintTest {
  static final OpenAPI SPEC = new OpenAPIV3Parser().readLocation(Contract.SPEC, null, null).getOpenAPI();
  static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(Contract.SPEC).build();

  record Op(String path, PathItem.HttpMethod method, Operation operation) {}

  static List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    SPEC.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((m, op) -> ops.add(new Op(path, m, op))));
    return ops;
  }

  static io.swagger.v3.oas.models.responses.ApiResponse resolve(io.swagger.v3.oas.models.responses.ApiResponse r) {
    if (r.get$ref() == null) {
      return r;
    }
    return SPEC.getComponents().getResponses().get(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1));
  }

  @Test
  void everyOperationDocumentsTheSelfChecksContractViolation() {
    for (Op op : operations()) {
      assertEquals("#/components/responses/ContractViolation", op.operation().getResponses().get("500") == null ? null
          : op.operation().getResponses().get("500").get$ref(),
          op.method() + " " + op.path() + ": the 500 is the self-check's contract-violation");
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
      op.operation().getResponses().values().stream().map(SpecLintTest::resolve)
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

}
