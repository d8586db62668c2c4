package org.livechatcontract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole benchmark in one run: time to the first 200, then three preloaded servers and the
 * bare-Jetty baseline side by side, each scenario warmed up and then measured in interleaved rounds,
 * then (in full mode) the JMH micro-benchmarks. Writes the report and leaves no process behind.
 */
public final class Runner {
  static final String HOT_PATH = "/api/v1/livechat/room?token=" + PreloadedServer.TOKEN_PREFIX + "0";
  static final String MESSAGE_PATH = "/api/v1/livechat/message";
  static final String HISTORY_PATH = "/api/v1/livechat/messages.history/{rid}";
  /** Rooms that the message scenario writes to, round-robin. */
  static final int MESSAGE_ROOMS = 500;
  static final int HISTORY_MESSAGES = 50;

  private final Settings settings;
  private final Path runnerLog;
  private final Path wrkLog;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<Child> children = new ArrayList<>();

  Runner(Settings settings) {
    this.settings = settings;
    this.runnerLog = settings.out().resolve("runner.log");
    this.wrkLog = settings.out().resolve("wrk.log");
  }

  public static void main(String[] args) throws Exception {
    Settings s = Settings.from(new Args(args), System.getenv());
    Runner runner = new Runner(s);
    Thread cleanup = new Thread(runner::closeChildren, "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      runner.run();
    } finally {
      runner.closeChildren();
    }
  }

  void run() throws Exception {
    Files.createDirectories(settings.out());
    Files.deleteIfExists(wrkLog);
    Files.writeString(runnerLog, "");
    Report report = new Report(settings, Machine.describe(settings.commit()));
    say("benchmark, " + settings.mode() + " mode: " + settings.rounds() + " round(s) of " + settings.seconds()
        + " s per scenario after " + settings.warmupSeconds() + " to " + settings.warmupMaxSeconds()
        + " s of warm-up, " + settings.connections()
        + " connections; output in " + settings.out());

    for (int i = 0; i < settings.startRuns(); i++) {
      double s = timeToFirst200();
      report.startSeconds.add(s);
      say(String.format("start to first 200: %.2f s", s));
    }

    Child small = server("small", settings.smallRooms(), settings.jfr());
    Child large = server("large", settings.largeRooms(), false);
    Child mutable = server("mutable", settings.smallRooms(), false);
    // The same writes with --data-file: every answer waits for its record's fsync (group commit).
    Child durable = server("durable", settings.smallRooms(), false, settings.out().resolve("durable.lcj"));
    report.heap.put(settings.smallRooms(), small.ready);
    report.heap.put(settings.largeRooms(), large.ready);

    HttpResponse<byte[]> hot = get(small.base() + HOT_PATH, List.of());
    expect200(hot, "hot GET on the small server");
    Path body = settings.out().resolve("hot-body.json");
    Files.write(body, hot.body());
    String contentType = hot.headers().firstValue("Content-Type").orElse("application/json");
    Child baseline = start("baseline", settings.javaOptions(), BareJettyBaseline.class,
        List.of("--body", body.toString(), "--content-type", contentType));
    report.baselineCheck = sameAnswer(hot, get(baseline.base() + HOT_PATH, List.of()));
    say("baseline: " + report.baselineCheck);

    List<Scenario> scenarios = scenarios(baseline, small, large, mutable, durable, report);
    Map<Scenario, Path> scripts = new LinkedHashMap<>();
    for (Scenario sc : scenarios) {
      scripts.put(sc, script(sc));
    }

    say("warm-up");
    for (Scenario sc : scenarios) {
      warmUp(sc, scripts.get(sc));
    }
    // One unrecorded round more: on a busy machine a JIT queue can look settled while it still waits.
    say("warm-up round");
    for (Scenario sc : scenarios) {
      Wrk.Result w = wrk(sc, scripts.get(sc), settings.seconds(), "warmup-round");
      say(String.format("  %-22s %9.0f req/s, server CPU %5.1f µs/req", sc.id(), w.rps(), w.cpuMicrosPerRequest()));
    }
    for (int round = 1; round <= settings.rounds(); round++) {
      say("round " + round + " of " + settings.rounds());
      for (Scenario sc : scenarios) {
        Wrk.Result r = wrk(sc, scripts.get(sc), settings.seconds(), "r" + round);
        report.add(sc, r);
        say(String.format("  %-22s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  server CPU %5.1f µs/req  load %.2f",
            sc.id(), r.rps(), r.p50() / 1000, r.p99() / 1000, r.errors(), r.cpuMicrosPerRequest(), r.load1()));
      }
    }
    closeChildren();

    if (settings.jmh()) {
      report.jmh = Jmh.run(settings, settings.out().resolve("jmh.json"), settings.out().resolve("jmh.log"));
    }

    String table = report.render();
    Files.writeString(settings.out().resolve("results.md"), table);
    if (settings.results() != null) {
      Report.replaceGenerated(settings.results(), table);
      say("updated " + settings.results());
    }
    System.out.println();
    System.out.println(table);
  }

  private List<Scenario> scenarios(Child baseline, Child small, Child large, Child mutable, Child durable,
      Report report)
      throws IOException, InterruptedException {
    List<Scenario> list = new ArrayList<>();
    int n = settings.smallRooms();
    int big = settings.largeRooms();
    list.add(new Scenario("baseline", "bare Jetty, same bytes as the hot GET", baseline, HOT_PATH, 0, List.of(),
        null, List.of(), 1));
    list.add(new Scenario("hot-get-small", "hot `GET livechat/room`, one existing room", small, HOT_PATH, n,
        List.of(), null, List.of(), 1));
    list.add(new Scenario("hot-get-large", "hot `GET livechat/room`, one existing room", large, HOT_PATH, big,
        List.of(), null, List.of(), 1));
    list.add(new Scenario("spread-get-small", "`GET livechat/room`, a random existing room", small,
        "/api/v1/livechat/room", n, List.of(), "spread.lua", List.of(String.valueOf(n)), 1));
    list.add(new Scenario("spread-get-large", "`GET livechat/room`, a random existing room", large,
        "/api/v1/livechat/room", big, List.of(), "spread.lua", List.of(String.valueOf(big)), 1));

    JsonNode login = json.readTree(post(small.base() + "/api/v1/login", "{\"user\":\"manager\",\"password\":\"manager\"}")
        .body());
    List<String> credentials = List.of(
        "X-User-Id: " + login.path("data").path("userId").asText(),
        "X-Auth-Token: " + login.path("data").path("authToken").asText());
    String roomsPath = "/api/v1/livechat/visitor/" + PreloadedServer.TOKEN_PREFIX + "0/room";
    expect200(get(small.base() + roomsPath, credentials), "the visitor's rooms as the manager");
    list.add(new Scenario("visitor-rooms", "`GET livechat/visitor/{token}/room` with credentials", small, roomsPath,
        n, credentials, null, List.of(), 1));

    list.add(new Scenario("create", "create path: `POST livechat/visitor`, then `GET livechat/room`", mutable,
        "/api/v1/livechat/visitor", n, List.of(), "create.lua", List.of(), 2));
    list.add(new Scenario("create-durable", "create path with `--data-file`", durable,
        "/api/v1/livechat/visitor", n, List.of(), "create.lua", List.of(), 2));

    // The message scenarios switch themselves on once the spec has the operations.
    String spec = specText();
    if (spec.contains("\n  " + MESSAGE_PATH + ":")) {
      prepare(list, report, "`POST livechat/message`", () -> messageScenario(mutable, "message-send", ""));
      prepare(list, report, "`POST livechat/message` with `--data-file`",
          () -> messageScenario(durable, "message-send-durable", " with `--data-file`"));
    } else {
      report.pending.add("`POST livechat/message`: not in `openapi/livechat.yaml` yet; the scenario runs as soon as it is");
    }
    if (spec.contains("\n  " + HISTORY_PATH + ":")) {
      prepare(list, report, "`GET livechat/messages.history/{rid}`", () -> historyScenario(mutable));
    } else {
      report.pending.add("`GET livechat/messages.history/{rid}`: not in `openapi/livechat.yaml` yet;"
          + " the scenario runs as soon as it is");
    }
    return list;
  }

  private interface Preparation {
    Scenario prepare() throws IOException, InterruptedException;
  }

  /** A scenario whose preparation fails is reported, not run; the others still are. */
  private void prepare(List<Scenario> list, Report report, String name, Preparation p) throws InterruptedException {
    try {
      list.add(p.prepare());
    } catch (IOException | RuntimeException e) {
      report.pending.add(name + ": in the spec, but its preparation failed: " + e.getMessage());
      try {
        say("  " + name + " skipped: " + e.getMessage());
      } catch (IOException ignored) {
        // the report says it
      }
    }
  }

  /** Visitors 0..MESSAGE_ROOMS-1 of the mutable server each send to their own room, round-robin. */
  private Scenario messageScenario(Child target, String id, String titleSuffix) throws IOException, InterruptedException {
    StringBuilder rooms = new StringBuilder("ROOMS = {\n");
    int count = Math.min(MESSAGE_ROOMS, settings.smallRooms() - 1);
    for (int i = 0; i < count; i++) {
      String token = PreloadedServer.TOKEN_PREFIX + i;
      rooms.append("  {\"").append(token).append("\", \"").append(roomId(target, token)).append("\"},\n");
    }
    rooms.append("}\n");
    Path prelude = settings.out().resolve(id + "-rooms.lua");
    Files.writeString(prelude, rooms.toString());
    String token = PreloadedServer.TOKEN_PREFIX + 0;
    expect200(post(target.base() + MESSAGE_PATH, messageBody(token, roomId(target, token), "probe")),
        "POST livechat/message");
    return new Scenario(id, "`POST livechat/message`, " + count + " rooms in turn" + titleSuffix, target,
        MESSAGE_PATH, settings.smallRooms(), List.of(), "message.lua", List.of(), 1, prelude);
  }

  /** The last preloaded visitor's room, with {@link #HISTORY_MESSAGES} messages, read with the default limit. */
  private Scenario historyScenario(Child target) throws IOException, InterruptedException {
    String token = PreloadedServer.TOKEN_PREFIX + (settings.smallRooms() - 1);
    String rid = roomId(target, token);
    for (int i = 0; i < HISTORY_MESSAGES; i++) {
      expect200(post(target.base() + MESSAGE_PATH, messageBody(token, rid, "history " + i)), "POST livechat/message");
    }
    String path = HISTORY_PATH.replace("{rid}", rid) + "?token=" + token;
    expect200(get(target.base() + path, List.of()), "GET livechat/messages.history");
    return new Scenario("message-history", "`GET livechat/messages.history/{rid}`, " + HISTORY_MESSAGES
        + " messages, default limit", target, path, settings.smallRooms(), List.of(), null, List.of(), 1);
  }

  private static String messageBody(String token, String rid, String msg) {
    return "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\"" + msg + "\"}";
  }

  private String roomId(Child target, String token) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get(target.base() + "/api/v1/livechat/room?token=" + token, List.of());
    expect200(r, "GET livechat/room for " + token);
    return json.readTree(r.body()).path("room").path("_id").asText();
  }

  /**
   * Runs the scenario in short pieces until the server's CPU per request settles (two pieces in a row
   * within 10%), for at least the minimum warm-up and at most the maximum. A cold JVM serves a fraction
   * of its warm rate, and how long the JIT takes depends on how busy the machine is.
   */
  private void warmUp(Scenario sc, Path script) throws IOException, InterruptedException {
    int piece = Math.max(1, Math.min(5, settings.warmupSeconds()));
    double previous = Double.NaN;
    int spent = 0;
    while (true) {
      Wrk.Result w = wrk(sc, script, piece, "warmup" + spent);
      spent += piece;
      double cpu = w.cpuMicrosPerRequest();
      boolean settled = Math.abs(cpu - previous) <= 0.1 * previous;
      if ((settled && spent >= settings.warmupSeconds()) || spent >= settings.warmupMaxSeconds()) {
        say(String.format("  %-22s %9.0f req/s, server CPU %5.1f µs/req after %d s of warm-up%s", sc.id(), w.rps(),
            cpu, spent, settled ? "" : " (not settled)"));
        return;
      }
      previous = cpu;
    }
  }

  private Wrk.Result wrk(Scenario sc, Path script, int seconds, String label) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(sc.luaArgs());
    args.add(sc.id() + "-" + label);
    double cpuBefore = sc.target().cpuSeconds();
    Wrk.Result r = Wrk.run(sc.target().base() + sc.path(), settings.connections(), seconds, script, sc.headers(), args,
        wrkLog);
    return r.withServerCpu(sc.target().cpuSeconds() - cpuBefore);
  }

  /** report.lua, then the scenario's prelude and script, in one file for wrk. */
  private Path script(Scenario sc) throws IOException {
    StringBuilder s = new StringBuilder(resource("wrk/report.lua"));
    if (sc.prelude() != null) {
      s.append(Files.readString(sc.prelude()));
    }
    if (sc.lua() != null) {
      s.append(resource("wrk/" + sc.lua()));
    }
    Path file = settings.out().resolve(sc.id() + ".lua");
    Files.writeString(file, s.toString());
    return file;
  }

  private Child server(String name, int rooms, boolean jfr) throws IOException, InterruptedException {
    return server(name, rooms, jfr, null);
  }

  /** A preloaded server; with {@code dataFile}, in durable mode on that (new) file. */
  private Child server(String name, int rooms, boolean jfr, Path dataFile) throws IOException, InterruptedException {
    List<String> options = new ArrayList<>(settings.javaOptions());
    if (jfr) {
      options.add("-XX:FlightRecorderOptions:stackdepth=512"); // Jersey's stacks are deeper than the default 64
      options.add("-XX:StartFlightRecording=filename=" + settings.out().resolve(name + ".jfr") + ",settings=profile");
    }
    say("starting the " + name + " server with " + rooms + " rooms");
    List<String> args = new ArrayList<>(List.of("--rooms", String.valueOf(rooms)));
    if (dataFile != null) {
      Files.deleteIfExists(dataFile);
      Files.deleteIfExists(dataFile.resolveSibling(dataFile.getFileName() + ".snapshot"));
      args.addAll(List.of("--data-file", dataFile.toString()));
    }
    Child c = start(name, options, PreloadedServer.class, args);
    say(String.format("  %s: port %d, preload %.1f s, heap after full GC %d MB", name, c.port(),
        c.readyNumber("preloadMs") / 1000.0, c.readyNumber("heapAfter") >> 20));
    return c;
  }

  private Child start(String name, List<String> options, Class<?> main, List<String> args)
      throws IOException, InterruptedException {
    Child c = Child.start(name, options, main.getName(), args, settings.out().resolve(name + ".log"), 900);
    children.add(c);
    return c;
  }

  synchronized void closeChildren() {
    for (Child c : children) {
      c.close();
    }
    children.clear();
  }

  /** Wall time from launching {@code java -jar livechat-server.jar} to its first 200 ({@code POST livechat/visitor}). */
  private double timeToFirst200() throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/livechat/visitor"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"visitor\":{\"token\":\"start-probe\"}}"))
        .timeout(Duration.ofSeconds(5))
        .build();
    try {
      http.send(request, HttpResponse.BodyHandlers.discarding()); // loads the client's classes before the clock starts
    } catch (ConnectException expected) {
      // nothing listens yet
    }
    Path log = settings.out().resolve("start.log");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(Child.javaExecutable(), "-jar", settings.serverJar().toString(),
        "--port", String.valueOf(port))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    try {
      long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - t0) / 1e9;
          }
        } catch (ConnectException notYet) {
          // not listening yet
        }
        if (!p.isAlive()) {
          throw new IOException("the server exited with " + p.exitValue() + "; see " + log);
        }
        Thread.sleep(5);
      }
      throw new IOException("no 200 within 60 s; see " + log);
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private HttpResponse<byte[]> get(String url, List<String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    for (String h : headers) {
      int colon = h.indexOf(':');
      b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> post(String url, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void expect200(HttpResponse<byte[]> r, String what) throws IOException {
    if (r.statusCode() != 200) {
      throw new IOException(what + ": expected 200, got " + r.statusCode() + " "
          + new String(r.body(), StandardCharsets.UTF_8));
    }
  }

  /** Checks that the baseline's answer has the server's body and headers; describes the check. */
  private static String sameAnswer(HttpResponse<byte[]> server, HttpResponse<byte[]> baseline) throws IOException {
    if (!java.util.Arrays.equals(server.body(), baseline.body())) {
      throw new IOException("the baseline's body differs from the server's");
    }
    List<String> names = List.of("content-type", "content-length", "cache-control", "pragma");
    for (String h : names) {
      if (!server.headers().allValues(h).equals(baseline.headers().allValues(h))) {
        throw new IOException("the baseline's " + h + " differs: " + baseline.headers().allValues(h) + " vs "
            + server.headers().allValues(h));
      }
    }
    return "same " + server.body().length + " body bytes and the same " + String.join(", ", names)
        + " as the server's hot GET (checked at the start of the run)";
  }

  static String resource(String name) throws IOException {
    try (InputStream in = Runner.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String specText() throws IOException {
    return resource("openapi/livechat.yaml");
  }

  private void say(String line) throws IOException {
    System.out.println(line);
    Files.writeString(runnerLog, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }
}
