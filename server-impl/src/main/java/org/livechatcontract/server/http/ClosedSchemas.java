package org.livechatcontract.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The schemas that the spec closes with {@code additionalProperties: false}. A request body that
 * carries a key such a schema does not list is refused; keys in open schemas are ignored, as the
 * spec says. Read once, from the copy of the spec that the generated jar carries.
 */
public final class ClosedSchemas {
  public static final String SPEC_RESOURCE = "openapi/livechat.yaml";

  private final Set<String> names;

  private ClosedSchemas(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  public static ClosedSchemas fromClasspathSpec() {
    try (InputStream in = ClosedSchemas.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath (it ships in the generated jar)");
      }
      JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(in).path("components").path("schemas");
      Set<String> closed = new HashSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode ap = e.getValue().get("additionalProperties");
        if (ap != null && ap.isBoolean() && !ap.booleanValue()) {
          closed.add(e.getKey());
        }
      }
      return new ClosedSchemas(closed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SPEC_RESOURCE, e);
    }
  }

  /** Whether the generated model class of this name comes from a closed schema. */
  public boolean isClosed(Class<?> modelClass) {
    return names.contains(modelClass.getSimpleName());
  }
}
