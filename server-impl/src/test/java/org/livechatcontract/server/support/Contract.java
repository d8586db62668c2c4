package org.livechatcontract.server.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a live response against {@code openapi/livechat.yaml}, or {@code openapi/stub-admin.yaml} for
 * the admin API's paths ({@code /api/v1/stub/...}): never a 5xx, the status must be documented for the
 * operation, and the content type, headers and body must match what the spec allows.
 *
 * <p>Answers to requests that match no operation (an unknown path, a method the path does not
 * have) cannot be described by OpenAPI; they must still be Rocket.Chat-shaped JSON errors.
 */
public final class Contract {
  public static final String SPEC = "openapi/livechat.yaml";
  public static final String STUB_ADMIN_SPEC = "openapi/stub-admin.yaml";
  public static final String STUB_ADMIN_PREFIX = "/api/v1/stub/";
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build();
  private static final OpenApiInteractionValidator STUB_ADMIN_VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(STUB_ADMIN_SPEC).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NO_OPERATION = Set.of(
      "validation.request.path.missing", "validation.request.operation.notAllowed");

  private Contract() {}

  /** Fails with the full report when the response breaks the contract. */
  public static void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
    if (status >= 500) {
      // Documented (the self-check's contract-violation) but never acceptable: the body names the broken rule.
      throw new AssertionError("the server answered " + status + ": " + method + " " + path + "\n" + body);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    headers.forEach((name, values) -> response.withHeader(name, values));
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    OpenApiInteractionValidator validator = path.startsWith(STUB_ADMIN_PREFIX) ? STUB_ADMIN_VALIDATOR : VALIDATOR;
    ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
    boolean unmatched = report.getMessages().stream().anyMatch(m -> NO_OPERATION.contains(m.getKey()));
    if (unmatched) {
      checkUndocumentedAnswer(method, path, status, headers, body);
      return;
    }
    if (report.hasErrors()) {
      throw new AssertionError("response breaks the contract: " + method + " " + path + " -> " + status + "\n"
          + body + "\n" + report.getMessages().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }
  }

  private static void checkUndocumentedAnswer(String method, String path, int status,
      Map<String, List<String>> headers, String body) {
    String where = method + " " + path + " -> " + status + ": " + body;
    if (status != 404 && status != 405 && status != 204 && status != 400 && status != 414 && status != 431) {
      throw new AssertionError("an undocumented request got a status other than 400/404/405/414/431: " + where);
    }
    if (status == 204 || "HEAD".equals(method)) {
      return;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (!node.isObject() || !node.path("success").isBoolean() || node.path("success").asBoolean()
          || !node.path("error").isTextual()) {
        throw new AssertionError("not a Rocket.Chat error body: " + where);
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + where, e);
    }
  }
}
