package org.livechatcontract.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code wrk} and reads the line that {@code report.lua} prints. */
final class Wrk {
  static final int THREADS = 2;

  private Wrk() {}

  /**
   * One wrk run; latencies in microseconds. {@code load1} is the 1-minute load average just before it;
   * {@code serverCpuSeconds} the CPU time the server's JVM used during it (NaN when unknown).
   */
  record Result(long requests, double seconds, double p50, double p90, double p99, double max,
      long socketErrors, long non2xx, long timeouts, double load1, double serverCpuSeconds) {
    double rps() {
      return requests / seconds;
    }

    /** Server CPU per request, in microseconds: what a request costs, whatever share of the cores the server got. */
    double cpuMicrosPerRequest() {
      return serverCpuSeconds * 1e6 / requests;
    }

    Result withServerCpu(double cpuSeconds) {
      return new Result(requests, seconds, p50, p90, p99, max, socketErrors, non2xx, timeouts, load1, cpuSeconds);
    }

    long errors() {
      return socketErrors + non2xx + timeouts;
    }
  }

  static Result run(String url, int connections, int seconds, Path script, List<String> headers,
      List<String> scriptArgs, Path log) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s",
        "--latency", "-s", script.toString()));
    for (String h : headers) {
      cmd.add("-H");
      cmd.add(h);
    }
    cmd.add(url);
    if (!scriptArgs.isEmpty()) {
      cmd.add("--");
      cmd.addAll(scriptArgs);
    }
    double load = loadAverage();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    Files.writeString(log, "$ " + String.join(" ", cmd) + "\n" + out + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    String line = out.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
        .orElseThrow(() -> new IOException("wrk exited with " + code + " and no result; see " + log));
    Map<String, String> kv = Child.keyValues(line.substring(6));
    return new Result(
        Long.parseLong(kv.get("requests")),
        Long.parseLong(kv.get("duration_us")) / 1e6,
        Double.parseDouble(kv.get("p50_us")),
        Double.parseDouble(kv.get("p90_us")),
        Double.parseDouble(kv.get("p99_us")),
        Double.parseDouble(kv.get("max_us")),
        Long.parseLong(kv.get("connect")) + Long.parseLong(kv.get("read")) + Long.parseLong(kv.get("write")),
        Long.parseLong(kv.get("status")),
        Long.parseLong(kv.get("timeout")),
        load,
        Double.NaN);
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  static String version() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out.lines().findFirst().orElse("wrk").replaceAll("\\s+Copyright.*", "").trim();
    } catch (IOException e) {
      return "wrk (version unknown)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "wrk (version unknown)";
    }
  }
}
