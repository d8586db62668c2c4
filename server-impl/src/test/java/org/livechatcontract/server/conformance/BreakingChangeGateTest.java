package org.livechatcontract.server.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: {@code openapi/livechat.yaml} must stay compatible with the last released spec,
 * {@code openapi/released/livechat.yaml}, as openapi-diff judges it. The changelog goes to
 * {@code server-impl/target/openapi-changes.md}. To release a new baseline, see the README.
 */
class BreakingChangeGateTest {
  static final Path SPECS = Path.of(System.getProperty("livechat.openapi.dir", "../openapi"));
  static final Path CURRENT = SPECS.resolve("livechat.yaml");
  static final Path RELEASED = SPECS.resolve("released/livechat.yaml");
  static final Path CHANGELOG = Path.of("target", "openapi-changes.md");
  /** Levels of openapi-diff's model that add nothing to where a change is. */
  private static final java.util.Set<String> PLUMBING = java.util.Set.of("content", "media type", "schema");

  @Test
  void theSpecIsCompatibleWithTheLastReleasedOne() throws IOException {
    assertTrue(Files.isRegularFile(RELEASED), RELEASED + " is missing: it holds the last released spec");
    ChangedOpenApi diff = OpenApiCompare.fromLocations(RELEASED.toUri().toString(), CURRENT.toUri().toString());
    String changes = markdown(diff);
    Files.createDirectories(CHANGELOG.getParent());
    Files.writeString(CHANGELOG, changes);
    assertFalse(diff.isIncompatible(), "openapi/livechat.yaml breaks clients of the released spec "
        + "(openapi/released/livechat.yaml):\n" + String.join("\n", breaking(diff))
        + "\nThe whole changelog is in server-impl/" + CHANGELOG + ". If the break is intended, release a new "
        + "baseline as the README says.");
  }

  /** One line per incompatible change: where it is, and what changed there. */
  static List<String> breaking(ChangedOpenApi diff) {
    List<String> out = new ArrayList<>();
    diff.getMissingEndpoints().forEach(e -> out.add("  " + e.getMethod() + " " + e.getPathUrl() + ": removed"));
    for (ChangedOperation op : diff.getChangedOperations()) {
      if (op.isIncompatible()) {
        walk(op, "  " + op.getHttpMethod() + " " + op.getPathUrl(), out);
      }
    }
    return out;
  }

  private static void walk(Changed changed, String where, List<String> out) {
    int before = out.size();
    if (changed instanceof ChangedSchema schema) {
      schema.getChangedProperties().forEach((name, p) -> {
        if (p.isIncompatible()) {
          walk(p, where + " ." + name, out);
        }
      });
      if (schema.getItems() != null && schema.getItems().isIncompatible()) {
        walk(schema.getItems(), where + " []", out);
      }
      if (schema.isChangedType()) {
        out.add(where + ": type " + schema.getOldSchema().getType() + " -> " + schema.getNewSchema().getType());
      }
      if (!schema.getMissingProperties().isEmpty()) {
        out.add(where + ": properties removed " + schema.getMissingProperties().keySet());
      }
    }
    if (changed instanceof ComposedChanged composed) {
      for (Changed element : composed.getChangedElements()) {
        if (element != null && element.isIncompatible() && !(changed instanceof ChangedSchema && element instanceof ChangedSchema)) {
          boolean named = element instanceof ComposedChanged && !PLUMBING.contains(name(element));
          walk(element, named ? where + " > " + name(element) : where, out);
        }
      }
    }
    if (out.size() == before) {
      out.add(where + ": " + name(changed) + " changed incompatibly");
    }
  }

  /** {@code ChangedMaxLength} reads "max length". */
  private static String name(Changed c) {
    return c.getClass().getSimpleName().replaceFirst("^Changed", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
  }

  private static String markdown(ChangedOpenApi diff) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    return text.isBlank() ? "No changes since the released spec.\n" : text;
  }
}
