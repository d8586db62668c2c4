package org.livechatcontract.server.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.livechatcontract.server.http.ClosedSchemas;

/** The Livechat API's operations and the statuses its spec documents for each: what a fault may inject. */
public final class Operations {
  private final Map<String, SortedSet<Integer>> statuses;

  private Operations(Map<String, SortedSet<Integer>> statuses) {
    this.statuses = Map.copyOf(statuses);
  }

  public static Operations fromClasspathSpec() {
    try (InputStream in = Operations.class.getClassLoader().getResourceAsStream(ClosedSchemas.SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ClosedSchemas.SPEC_RESOURCE + " is not on the classpath");
      }
      JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
      Map<String, SortedSet<Integer>> out = new HashMap<>();
      for (JsonNode item : paths) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
          JsonNode op = it.next().getValue();
          if (!op.has("operationId")) {
            continue; // path-level parameters
          }
          SortedSet<Integer> codes = new TreeSet<>();
          op.path("responses").fieldNames().forEachRemaining(code -> codes.add(Integer.parseInt(code)));
          out.put(op.get("operationId").asText(), codes);
        }
      }
      return new Operations(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statuses documented for the operation, or empty when the spec has no such operation. */
  public Optional<SortedSet<Integer>> documentedStatuses(String operationId) {
    return Optional.ofNullable(statuses.get(operationId));
  }
}
