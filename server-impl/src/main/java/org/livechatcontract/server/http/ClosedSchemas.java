package org.livechatcontract.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The schemas that the specs close with {@code additionalProperties: false}. A request body that
 * carries a key such a schema does not list is refused; keys in open schemas are ignored, as the
 * spec says. Read once, from the copies of the specs that the generated jar carries: the Livechat
 * API ({@code org.livechatcontract.model}) and the stub admin API ({@code org.livechatcontract.stub.model}).
 */
public final class ClosedSchemas {
  public static final String SPEC_RESOURCE = "openapi/livechat.yaml";
  public static final String STUB_ADMIN_SPEC_RESOURCE = "openapi/stub-admin.yaml";
  private static final Map<String, String> SPEC_BY_MODEL_PACKAGE = Map.of(
      "org.livechatcontract.model", SPEC_RESOURCE,
      "org.livechatcontract.stub.model", STUB_ADMIN_SPEC_RESOURCE);

  /** Qualified names of the model classes of closed schemas. */
  private final Set<String> names;

  private ClosedSchemas(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  public static ClosedSchemas fromClasspathSpec() {
    Set<String> closed = new HashSet<>();
    SPEC_BY_MODEL_PACKAGE.forEach((pkg, spec) -> closedSchemasOf(spec).forEach(name -> closed.add(pkg + "." + name)));
    return new ClosedSchemas(closed);
  }

  private static Set<String> closedSchemasOf(String resource) {
    JsonNode schemas = SpecDocuments.read(resource).path("components").path("schemas");
    Set<String> closed = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode ap = e.getValue().get("additionalProperties");
      if (ap != null && ap.isBoolean() && !ap.booleanValue()) {
        closed.add(e.getKey());
      }
    }
    return closed;
  }

  /** Whether the generated model class comes from a closed schema. */
  public boolean isClosed(Class<?> modelClass) {
    return names.contains(modelClass.getName());
  }
}
