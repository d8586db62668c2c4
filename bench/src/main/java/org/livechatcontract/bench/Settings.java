package org.livechatcontract.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How long and how big a benchmark run is. {@code quick} is for development; {@code full} makes the
 * published table. Each value can be overridden through the environment (names below).
 */
record Settings(
    String mode,
    int rounds,
    int seconds,
    int warmupSeconds,
    int warmupMaxSeconds,
    int connections,
    int smallRooms,
    int largeRooms,
    int startRuns,
    boolean jmh,
    List<String> jmhArgs,
    boolean jfr,
    List<String> javaOptions,
    Path serverJar,
    Path out,
    Path results,
    String commit) {

  static Settings from(Args a, Map<String, String> env) {
    String mode = a.text("--mode", "quick");
    boolean full = switch (mode) {
      case "full" -> true;
      case "quick" -> false;
      default -> throw new IllegalArgumentException("--mode is quick or full, not " + mode);
    };
    String results = a.text("--results", "");
    return new Settings(
        mode,
        number(env, "BENCH_ROUNDS", full ? 3 : 1),
        number(env, "BENCH_SECONDS", full ? 10 : 3),
        number(env, "BENCH_WARMUP", full ? 10 : 4),
        number(env, "BENCH_WARMUP_MAX", full ? 60 : 20),
        number(env, "BENCH_CONNECTIONS", 64),
        number(env, "BENCH_SMALL_ROOMS", 1_000),
        number(env, "BENCH_LARGE_ROOMS", full ? 1_000_000 : 100_000),
        number(env, "BENCH_START_RUNS", full ? 3 : 1),
        number(env, "BENCH_JMH", full ? 1 : 0) != 0,
        words(env.getOrDefault("BENCH_JMH_ARGS", full ? "-f 1 -wi 3 -w 1s -i 5 -r 1s" : "-f 1 -wi 1 -w 1s -i 2 -r 1s")),
        number(env, "BENCH_JFR", 0) != 0,
        words(env.getOrDefault("BENCH_JAVA_OPTS", "")),
        Path.of(a.text("--server-jar", "server-impl/target/livechat-server.jar")),
        Path.of(a.text("--out", "bench/target/bench-run")),
        results.isEmpty() || !full ? null : Path.of(results),
        a.text("--commit", "unknown"));
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
  }
}
