package org.livechatcontract.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM started by the runner: a preloaded server or the baseline. It prints {@code READY k=v ...}
 * when it serves, and stops when its standard input closes, so it cannot outlive the runner.
 */
final class Child implements AutoCloseable {
  final String name;
  final Map<String, String> ready;
  private final Process process;

  private Child(String name, Process process, Map<String, String> ready) {
    this.name = name;
    this.process = process;
    this.ready = ready;
  }

  /** Starts {@code mainClass} on this JVM's classpath and waits for its READY line. */
  static Child start(String name, List<String> jvmOptions, String mainClass, List<String> args, Path log,
      long timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Files.writeString(log, String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    CompletableFuture<Map<String, String>> readyLine = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(p, log, readyLine), name + "-stdout");
    pump.setDaemon(true);
    pump.start();
    try {
      return new Child(name, p, readyLine.get(timeoutSeconds, TimeUnit.SECONDS));
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      p.destroyForcibly();
      throw new IOException(name + " did not get ready (see " + log + ")", e);
    }
  }

  private static void pump(Process p, Path log, CompletableFuture<Map<String, String>> ready) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
            StandardOpenOption.APPEND), true)) {
      String line;
      while ((line = out.readLine()) != null) {
        w.println(line);
        if (line.startsWith("READY ")) {
          ready.complete(keyValues(line.substring(6)));
        }
      }
      ready.completeExceptionally(new IOException("exited with " + p.waitFor() + " before it was ready"));
    } catch (IOException | InterruptedException e) {
      ready.completeExceptionally(e);
    }
  }

  static Map<String, String> keyValues(String s) {
    Map<String, String> m = new HashMap<>();
    for (String part : s.trim().split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        m.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return m;
  }

  static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  int port() {
    return Integer.parseInt(ready.get("port"));
  }

  long readyNumber(String key) {
    return Long.parseLong(ready.get(key));
  }

  /** CPU time (user and system) the child has used so far, in seconds; NaN when the OS does not say. */
  double cpuSeconds() {
    return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  String base() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // the child's signal to stop
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
