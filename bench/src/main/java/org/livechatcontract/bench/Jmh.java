package org.livechatcontract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the JMH micro-benchmarks in a child JVM and reads their JSON results. */
final class Jmh {
  private Jmh() {}

  /** One benchmark: its short name, its parameters, the score with its error and unit. */
  record Score(String name, String params, double score, double error, String unit) {}

  static List<Score> run(Settings settings, Path resultFile, Path log) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Child.javaExecutable(), "-cp", System.getProperty("java.class.path"),
        "org.openjdk.jmh.Main"));
    cmd.addAll(settings.jmhArgs());
    cmd.addAll(List.of("-rf", "json", "-rff", resultFile.toString()));
    System.out.println("JMH: " + String.join(" ", settings.jmhArgs()) + " (log in " + log + ")");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    if (code != 0) {
      throw new IOException("JMH exited with " + code + "; see " + log);
    }
    List<Score> scores = new ArrayList<>();
    for (JsonNode b : new ObjectMapper().readTree(resultFile.toFile())) {
      String full = b.path("benchmark").asText();
      String name = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
      StringBuilder params = new StringBuilder();
      for (Map.Entry<String, JsonNode> e : b.path("params").properties()) {
        params.append(params.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
      }
      JsonNode m = b.path("primaryMetric");
      scores.add(new Score(name, params.toString(), m.path("score").asDouble(), m.path("scoreError").asDouble(),
          m.path("scoreUnit").asText()));
    }
    return scores;
  }
}
