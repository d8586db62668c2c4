package org.livechatcontract.server.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks run on every answer, named as Schemathesis names them. The contract checks use Atlassian's
 * validator, an oracle independent of the server's own self-check (networknt); the behaviour checks use
 * the case's kind and the deviations file.
 */
final class Checks {
  /** One failed check on one answer. */
  record Failure(String check, String message) {}

  private static final Set<String> STATE_ANSWERS = Set.of("401", "403", "404", "409");

  private final OpenApiInteractionValidator validator;
  private final Spec spec;
  private final Deviations deviations;

  Checks(Spec spec, Deviations deviations) {
    this.spec = spec;
    this.deviations = deviations;
    this.validator = OpenApiInteractionValidator.createForSpecificationUrl(Spec.RESOURCE).build();
  }

  List<Failure> judge(Case c, Wire.Exchange e) {
    Wire.Answer a = e.answer();
    List<Failure> out = new ArrayList<>();
    if (a.status() >= 500) {
      out.add(new Failure("not_a_server_error", "the server answered " + a.status()));
    }
    if (c.kind() == Case.Kind.UNDECLARED_METHOD || c.kind() == Case.Kind.OPTIONS) {
      out.addAll(methods(c, a));
      return out;
    }
    out.addAll(contract(c, a));
    out.addAll(behaviour(c, a));
    out.addAll(generator(c, e));
    return out;
  }

  /** The answer keeps the spec: documented status, content type, headers and body (Atlassian's validator). */
  List<Failure> contract(Case c, Wire.Answer a) {
    List<Failure> out = new ArrayList<>();
    String type = a.header("content-type");
    boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    if (a.body() != null && !a.body().isEmpty() && !json && !c.op().documentsOtherThanJson(a.status())) {
      out.add(new Failure("content_type_conformance", "a body sent as " + type + ", not application/json"));
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(a.status());
    a.headers().forEach(response::withHeader);
    if (a.body() != null && !a.body().isEmpty()) {
      response.withBody(a.body());
    }
    ValidationReport report = validator.validateResponse(c.request().path(),
        Request.Method.valueOf(c.request().method()), response.build());
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      String key = m.getKey();
      String check = key.startsWith("validation.response.status") ? "status_code_conformance"
          : key.startsWith("validation.response.contentType") ? "content_type_conformance"
          : key.startsWith("validation.response.header") ? "response_headers_conformance"
          : "response_schema_conformance";
      out.add(new Failure(check, key + ": " + m.getMessage() + (m.getNestedMessages().isEmpty() ? ""
          : " " + m.getNestedMessages().stream().map(ValidationReport.Message::getMessage).toList())));
    }
    return out;
  }

  /** The answer fits the kind of request: valid ones accepted, invalid ones refused with the right 4xx. */
  private List<Failure> behaviour(Case c, Wire.Answer a) {
    Case.Kind kind = c.kind();
    String id = c.op().id();
    if (kind == Case.Kind.VALID) {
      boolean accepted = a.status() >= 200 && a.status() < 300;
      boolean stateAnswer = STATE_ANSWERS.contains(Integer.toString(a.status())) && c.op().documents(a.status());
      if (accepted || stateAnswer || deviations.allowing(kind.check, id, "2xx", a).isPresent()) {
        return List.of();
      }
      return List.of(new Failure(kind.check, "a request the spec allows was refused with " + a.status()
          + " (expected 2xx, a documented 401/403/404/409, or an entry in " + Deviations.RESOURCE + ")"));
    }
    if (a.status() == kind.expected
        || deviations.allowing(kind.check, id, Integer.toString(kind.expected), a).isPresent()) {
      return List.of();
    }
    return List.of(new Failure(kind.check, "expected " + kind.expected + " for " + describe(kind) + ", got "
        + a.status()));
  }

  /** The generator's own claim about the request agrees with the validator's reading of the spec. */
  private List<Failure> generator(Case c, Wire.Exchange e) {
    boolean mustPass = c.kind() == Case.Kind.VALID;
    boolean mustFail = c.kind() == Case.Kind.INVALID_BODY;
    if (!c.crossChecked() || (!mustPass && !mustFail)) {
      return List.of();
    }
    Case.Request r = c.request();
    SimpleRequest.Builder b = new SimpleRequest.Builder(r.method(), r.path());
    if (r.query() != null) {
      for (String pair : r.query().split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        b.withQueryParam(k, v);
      }
    }
    e.sentHeaders().forEach(h -> b.withHeader(h[0], h[1]));
    if (r.contentType() != null) {
      b.withContentType(r.contentType());
    }
    if (r.body() != null) {
      b.withBody(r.body());
    }
    ValidationReport report = validator.validateRequest(b.build());
    if (mustPass && report.hasErrors()) {
      return List.of(new Failure("generator", "the suite generated this as valid, but the spec refuses it: "
          + report.getMessages().stream().map(ValidationReport.Message::getMessage).toList()));
    }
    if (mustFail && !report.hasErrors()) {
      return List.of(new Failure("generator", "the suite generated this as invalid, but the spec allows it"));
    }
    return List.of();
  }

  /** Undeclared methods get 405 with an Allow header; OPTIONS lists the declared methods. */
  private List<Failure> methods(Case c, Wire.Answer a) {
    List<Failure> out = new ArrayList<>();
    Set<String> declared = new TreeSet<>(spec.methodsByPath.get(c.route()));
    String allow = a.header("allow");
    Set<String> allowed = allow == null ? Set.of() : Arrays.stream(allow.split(","))
        .map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> core = new TreeSet<>(allowed);
    core.remove("OPTIONS");
    if (declared.contains("GET")) {
      core.remove("HEAD");
    }
    if (a.status() != c.kind().expected) {
      out.add(new Failure(c.kind().check, "expected " + c.kind().expected + ", got " + a.status()));
    }
    if (!core.equals(declared)) {
      out.add(new Failure(c.kind().check, "Allow: " + allow + " does not name the declared methods " + declared));
    }
    if (c.kind() == Case.Kind.UNDECLARED_METHOD) {
      JsonNode j = a.json();
      String type = a.header("content-type");
      if (j == null || !j.path("success").isBoolean() || j.path("success").asBoolean() || !j.path("error").isTextual()
          || type == null || !type.startsWith("application/json")) {
        out.add(new Failure("content_type_conformance", "not a Rocket.Chat JSON error: " + a));
      }
    }
    return out;
  }

  private static String describe(Case.Kind kind) {
    return switch (kind) {
      case INVALID_PARAMETER -> "a parameter the spec does not allow";
      case INVALID_BODY -> "a body that breaks its schema";
      case MALFORMED_BODY -> "a body that is not JSON";
      case UNSUPPORTED_MEDIA_TYPE -> "a body that is not sent as application/json";
      case URI_TOO_LONG -> "an oversized request line";
      case HEADERS_TOO_LARGE -> "an oversized header block";
      case BAD_CREDENTIALS -> "missing or wrong credentials";
      case MISSING_PERMISSION -> "a user without the operation's permission";
      default -> kind.name();
    };
  }
}
