package org.livechatcontract.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What the numbers were measured on. */
record Machine(String date, String cpu, int cores, String memory, String os, String java, String wrk, String commit) {

  static Machine describe(String commit) {
    return new Machine(
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")),
        firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown CPU"),
        Runtime.getRuntime().availableProcessors(),
        totalMemory(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        Wrk.version(),
        commit);
  }

  private static String totalMemory() {
    String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal", "");
    try {
      return Math.round(Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB RAM";
    } catch (NumberFormatException e) {
      return "RAM unknown";
    }
  }

  private static String firstValue(Path file, String key, String fallback) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(fallback);
    } catch (IOException e) {
      return fallback;
    }
  }
}
