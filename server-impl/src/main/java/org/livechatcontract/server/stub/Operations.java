package org.livechatcontract.server.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.livechatcontract.server.http.ClosedSchemas;
import org.livechatcontract.server.http.SpecDocuments;

/** The Livechat API's operations and the statuses its spec documents for each: what a fault may inject. */
public final class Operations {
  private final Map<String, SortedSet<Integer>> statuses;

  private Operations(Map<String, SortedSet<Integer>> statuses) {
    this.statuses = Map.copyOf(statuses);
  }

  public static Operations fromClasspathSpec() {
    Map<String, SortedSet<Integer>> out = new HashMap<>();
    for (JsonNode item : SpecDocuments.read(ClosedSchemas.SPEC_RESOURCE).path("paths")) {
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
  }

  /** The statuses documented for the operation, or empty when the spec has no such operation. */
  public Optional<SortedSet<Integer>> documentedStatuses(String operationId) {
    return Optional.ofNullable(statuses.get(operationId));
  }
}
