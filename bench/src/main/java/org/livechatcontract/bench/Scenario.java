package org.livechatcontract.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One load scenario.
 *
 * @param rooms         rooms stored in the target server when the run starts (0 for the baseline)
 * @param lua           the scenario's wrk script under {@code wrk/}, or null for a plain GET
 * @param luaArgs       arguments for the script; the runner appends a label unique to each run
 * @param requestsPerOp requests that make up one operation (wrk records one latency per operation)
 * @param prelude       a generated file put before the script (data it reads), or null
 */
record Scenario(String id, String title, Child target, String path, int rooms, List<String> headers, String lua,
    List<String> luaArgs, int requestsPerOp, Path prelude) {

  Scenario(String id, String title, Child target, String path, int rooms, List<String> headers, String lua,
      List<String> luaArgs, int requestsPerOp) {
    this(id, title, target, path, rooms, headers, lua, luaArgs, requestsPerOp, null);
  }
}
