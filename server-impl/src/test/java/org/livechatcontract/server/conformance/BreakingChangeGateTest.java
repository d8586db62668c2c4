package org.livechatcontract.server.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
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

  @Test
  void theSpecIsCompatibleWithTheLastReleasedOne() throws IOException {
    assertTrue(Files.isRegularFile(RELEASED), RELEASED + " is missing: it holds the last released spec");
    ChangedOpenApi diff = OpenApiCompare.fromLocations(RELEASED.toUri().toString(), CURRENT.toUri().toString());
    String changes = markdown(diff);
    Files.createDirectories(CHANGELOG.getParent());
    Files.writeString(CHANGELOG, changes);
    assertFalse(diff.isIncompatible(), "openapi/livechat.yaml breaks clients of the released spec "
        + "(openapi/released/livechat.yaml). If the break is intended, release a new baseline as the README says.\n\n"
        + changes);
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
