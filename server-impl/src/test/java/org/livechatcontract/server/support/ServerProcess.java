package org.livechatcontract.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate operating-system process ({@code java -cp <this JVM's class path> Main}),
 * so that a test can kill it for real. Its log is collected; its base URI is read from the log line
 * that says where it listens.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<URI> listening = new CompletableFuture<>();

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readLog, "server-process-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code Main --port 0 --data-file <file> <extra...>} and waits until it listens. */
  public static ServerProcess start(Path dataFile, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "-cp", System.getProperty("java.class.path"),
        "org.livechatcontract.server.Main", "--port", "0", "--data-file", dataFile.toString()));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    ServerProcess s = new ServerProcess(p);
    try {
      s.listening.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      s.kill();
      throw new AssertionError("the server did not start: " + e + "\n" + String.join("\n", s.log()), e);
    }
    return s;
  }

  private void readLog() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        log.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          listening.complete(URI.create(m.group(1).replaceAll("/$", "")));
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
    listening.completeExceptionally(new IllegalStateException("the server exited"));
  }

  public URI baseUri() {
    return listening.join();
  }

  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the shutdown hook runs; returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not stop on SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
