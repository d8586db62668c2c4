package org.livechatcontract.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The results of one run as Markdown: the table, the targets, memory, start time and JMH. */
final class Report {
  static final String BEGIN = "<!-- bench:begin (written by bench/run.sh full; edit outside these markers) -->";
  static final String END = "<!-- bench:end -->";

  static final double HOT_RATIO_TARGET = 0.80;
  static final double P99_TARGET_MS = 10;
  static final double SCALE_TARGET = 1.2;
  static final double HEAP_TARGET_BYTES = 1024;
  static final double START_TARGET_SECONDS = 1.5;

  private final Settings settings;
  private final Machine machine;
  private final Map<Scenario, List<Wrk.Result>> results = new LinkedHashMap<>();
  final List<Double> startSeconds = new ArrayList<>();
  /** Per stored-room count, the READY values of that server (heapBefore, heapAfter, preloadMs). */
  final Map<Integer, Map<String, String>> heap = new LinkedHashMap<>();
  final List<String> pending = new ArrayList<>();
  String baselineCheck = "";
  List<Jmh.Score> jmh;

  Report(Settings settings, Machine machine) {
    this.settings = settings;
    this.machine = machine;
  }

  void add(Scenario sc, Wrk.Result r) {
    results.computeIfAbsent(sc, k -> new ArrayList<>()).add(r);
  }

  String render() {
    StringBuilder md = new StringBuilder();
    md.append("### Run of ").append(machine.date()).append(" (").append(settings.mode()).append(" mode)\n\n");
    md.append("- **Machine:** ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
        .append(machine.memory()).append("; ").append(machine.os()).append("; ").append(machine.java()).append("\n");
    md.append("- **Load:** ").append(machine.wrk()).append(", ").append(Wrk.THREADS).append(" threads, ")
        .append(settings.connections()).append(" connections, on the same machine as the server (they share the cores). ")
        .append("Each scenario: warmed up until the server's CPU per request settles (")
        .append(settings.warmupSeconds()).append(" to ").append(settings.warmupMaxSeconds()).append(" s) and one unrecorded round, then ")
        .append(settings.rounds()).append(" round(s) of ").append(settings.seconds())
        .append(" s, the scenarios interleaved in each round. Figures are medians over the rounds.\n");
    md.append("- **Commit:** ").append(machine.commit()).append(". JVM options: ")
        .append(settings.javaOptions().isEmpty() ? "none (defaults)" : "`" + String.join(" ", settings.javaOptions()) + "`")
        .append(".\n");
    md.append("- **Baseline:** ").append(baselineCheck).append(".\n\n");

    md.append("| scenario | stored rooms | req/s | p50 | p99 | errors | vs baseline | server CPU per request | req/s per round | load avg (1 min) per round |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    double baseline = median(byId("baseline"), Wrk.Result::rps);
    for (Map.Entry<Scenario, List<Wrk.Result>> e : results.entrySet()) {
      Scenario sc = e.getKey();
      List<Wrk.Result> rs = e.getValue();
      double rps = median(rs, Wrk.Result::rps);
      md.append("| ").append(sc.title());
      if (sc.requestsPerOp() > 1) {
        md.append(String.format(Locale.ROOT, " (%d requests per operation; %.0f operations/s; latency per operation)",
            sc.requestsPerOp(), rps / sc.requestsPerOp()));
      }
      md.append(" | ").append(sc.rooms() == 0 ? "–" : rooms(sc.rooms()))
          .append(" | ").append(String.format(Locale.ROOT, "%,.0f", rps))
          .append(" | ").append(ms(median(rs, Wrk.Result::p50)))
          .append(" | ").append(ms(median(rs, Wrk.Result::p99)))
          .append(" | ").append(rs.stream().mapToLong(Wrk.Result::errors).sum())
          .append(" | ").append(sc.id().equals("baseline") ? "100%" : percent(rps / baseline))
          .append(" | ").append(String.format(Locale.ROOT, "%.0f µs", median(rs, Wrk.Result::cpuMicrosPerRequest)))
          .append(" | ").append(rs.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.rps())).collect(Collectors.joining(", ")))
          .append(" | ").append(rs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.load1())).collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    for (String p : pending) {
      md.append("\nNot measured yet: ").append(p).append(".\n");
    }

    md.append("\n#### Targets\n\n| target | measured | |\n|---|---|---|\n");
    targets(md, baseline);

    md.append("\n#### Memory and start\n\n| stored rooms and visitors | heap after full GC, before → after the preload | heap per room+visitor | preload time |\n|---:|---|---:|---:|\n");
    for (Map.Entry<Integer, Map<String, String>> e : heap.entrySet()) {
      long before = Long.parseLong(e.getValue().get("heapBefore"));
      long after = Long.parseLong(e.getValue().get("heapAfter"));
      md.append("| ").append(rooms(e.getKey())).append(" | ")
          .append(mib(before)).append(" → ").append(mib(after)).append(" | ")
          .append(String.format(Locale.ROOT, "%.0f B", perRoom(e.getKey()))).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f s", Long.parseLong(e.getValue().get("preloadMs")) / 1000.0))
          .append(" |\n");
    }
    md.append("\nStart to the first 200 (`java -jar livechat-server.jar`, default options, until `POST livechat/visitor` answers 200): ")
        .append(startSeconds.stream().map(s -> String.format(Locale.ROOT, "%.2f s", s)).collect(Collectors.joining(", ")))
        .append(startSeconds.size() > 1 ? String.format(Locale.ROOT, "; median %.2f s", median(startSeconds)) : "")
        .append(".\n");

    if (jmh != null) {
      md.append("\n#### Micro-benchmarks (JMH `").append(String.join(" ", settings.jmhArgs())).append("`)\n\n")
          .append("| benchmark | parameters | score | error (99.9%) | unit |\n|---|---|---:|---:|---|\n");
      for (Jmh.Score s : jmh) {
        md.append("| ").append(s.name()).append(" | ").append(s.params()).append(" | ")
            .append(String.format(Locale.ROOT, "%,.1f", s.score())).append(" | ")
            .append(String.format(Locale.ROOT, "± %,.1f", s.error())).append(" | ").append(s.unit()).append(" |\n");
      }
    }
    return md.toString();
  }

  /** Durable writes may be at most this many times slower than in-memory ones. */
  static final double DURABLE_SLOWDOWN_TARGET = 3.0;

  private void targets(StringBuilder md, double baseline) {
    List<Wrk.Result> hot = byId("hot-get-small");
    List<Wrk.Result> base = byId("baseline");
    List<Double> ratios = paired(hot, base, Wrk.Result::rps);
    double ratio = median(ratios);
    row(md, "hot GET ≥ 80% of the bare-Jetty baseline's req/s",
        percent(ratio) + " (median of the rounds' ratios: " + ratios.stream().map(Report::percent)
            .collect(Collectors.joining(", ")) + "); server CPU per request "
            + String.format(Locale.ROOT, "%.0f µs against %.0f µs", median(hot, Wrk.Result::cpuMicrosPerRequest),
                median(base, Wrk.Result::cpuMicrosPerRequest)),
        ratio >= HOT_RATIO_TARGET);

    double p99 = median(hot, Wrk.Result::p99) / 1000;
    StringBuilder all = new StringBuilder();
    for (Map.Entry<Scenario, List<Wrk.Result>> e : results.entrySet()) {
      double p = median(e.getValue(), Wrk.Result::p99) / 1000;
      all.append(all.length() == 0 ? "" : ", ").append(e.getKey().id()).append(' ').append(ms(p * 1000));
    }
    row(md, "p99 ≤ 10 ms at " + settings.connections() + " connections (the hot GET)",
        "hot GET " + ms(p99 * 1000) + " (every scenario, for comparison: " + all + ")", p99 <= P99_TARGET_MS);

    StringBuilder scale = new StringBuilder();
    boolean scaleMet = true;
    for (String kind : List.of("hot-get", "spread-get")) {
      List<Wrk.Result> small = byId(kind + "-small");
      List<Wrk.Result> large = byId(kind + "-large");
      double p50 = median(paired(large, small, Wrk.Result::p50));
      double p99r = median(paired(large, small, Wrk.Result::p99));
      double cpu = median(paired(large, small, Wrk.Result::cpuMicrosPerRequest));
      scaleMet &= p50 <= SCALE_TARGET && p99r <= SCALE_TARGET;
      scale.append(scale.length() == 0 ? "" : "; ").append(kind).append(String.format(Locale.ROOT,
          ": p50 %.2f×, p99 %.2f× (rounds: %s), server CPU per request %.2f×", p50, p99r,
          paired(large, small, Wrk.Result::p99).stream().map(r -> String.format(Locale.ROOT, "%.2f", r))
              .collect(Collectors.joining(", ")), cpu));
    }
    row(md, rooms(settings.largeRooms()) + " rooms: latency within 1.2× of " + rooms(settings.smallRooms())
        + " rooms (medians of the rounds' ratios)", scale.toString(), scaleMet);

    double perRoom = perRoom(settings.largeRooms());
    row(md, "≤ 1 KiB heap per idle room+visitor",
        String.format(Locale.ROOT, "%.0f B at %s, %.0f B at %s", perRoom, rooms(settings.largeRooms()),
            perRoom(settings.smallRooms()), rooms(settings.smallRooms())),
        perRoom <= HEAP_TARGET_BYTES);

    StringBuilder durable = new StringBuilder();
    boolean durableMet = true;
    for (String kind : List.of("create", "message-send")) {
      List<Wrk.Result> memoryRuns = byId(kind);
      List<Wrk.Result> durableRuns = byId(kind + "-durable");
      if (memoryRuns.isEmpty() || durableRuns.isEmpty()) {
        continue;
      }
      double slowdown = median(paired(memoryRuns, durableRuns, Wrk.Result::rps));
      durableMet &= slowdown <= DURABLE_SLOWDOWN_TARGET;
      durable.append(durable.length() == 0 ? "" : "; ").append(kind).append(String.format(Locale.ROOT,
          ": %.2f× (%.0f against %.0f req/s)", slowdown, median(memoryRuns, Wrk.Result::rps),
          median(durableRuns, Wrk.Result::rps)));
    }
    if (durable.length() > 0) {
      row(md, "writes with `--data-file` within 3× of in-memory req/s (issue: durable state)",
          "in-memory over durable req/s, medians of the rounds' ratios: " + durable, durableMet);
    }

    double start = median(startSeconds);
    row(md, "start to the first 200 ≤ 1.5 s", String.format(Locale.ROOT, "%.2f s", start), start <= START_TARGET_SECONDS);
  }

  /** Round by round, a's value over b's (the two ran one after the other in each round). */
  private static List<Double> paired(List<Wrk.Result> a, List<Wrk.Result> b, ToDoubleFunction<Wrk.Result> f) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      out.add(f.applyAsDouble(a.get(i)) / f.applyAsDouble(b.get(i)));
    }
    return out;
  }

  private double perRoom(int rooms) {
    Map<String, String> r = heap.get(rooms);
    if (r == null) {
      return Double.NaN;
    }
    return (Long.parseLong(r.get("heapAfter")) - Long.parseLong(r.get("heapBefore"))) / (double) rooms;
  }

  private static void row(StringBuilder md, String target, String measured, boolean met) {
    md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "met" : "**missed**")
        .append(" |\n");
  }

  private List<Wrk.Result> byId(String id) {
    return results.entrySet().stream().filter(e -> e.getKey().id().equals(id)).map(Map.Entry::getValue)
        .findFirst().orElse(List.of());
  }

  static double median(List<Wrk.Result> rs, ToDoubleFunction<Wrk.Result> f) {
    return median(rs.stream().map(r -> f.applyAsDouble(r)).toList());
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String rooms(int n) {
    if (n >= 1_000_000 && n % 1_000_000 == 0) {
      return n / 1_000_000 + "M";
    }
    if (n >= 1_000 && n % 1_000 == 0) {
      return n / 1_000 + "k";
    }
    return String.valueOf(n);
  }

  private static String ms(double micros) {
    return String.format(Locale.ROOT, "%.2f ms", micros / 1000);
  }

  private static String percent(double r) {
    return String.format(Locale.ROOT, "%.0f%%", r * 100);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
  }

  /** Replaces what lies between the markers in {@code file} (appends the block when they are missing). */
  static void replaceGenerated(Path file, String generated) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    String block = BEGIN + "\n\n" + generated + "\n" + END;
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    if (b >= 0 && e > b) {
      text = text.substring(0, b) + block + text.substring(e + END.length());
    } else {
      text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
    }
    Files.writeString(file, text);
  }
}
