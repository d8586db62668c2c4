package org.livechatcontract.bench;

import java.util.Arrays;

/**
 * {@code java -jar livechat-bench.jar run|server|baseline|jmh [options]}: the runner (what
 * {@code bench/run.sh} calls), one preloaded server, the baseline alone, or the JMH benchmarks.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: run|server|baseline|jmh [options]; see bench/run.sh");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "run" -> Runner.main(rest);
      case "server" -> PreloadedServer.main(rest);
      case "baseline" -> BareJettyBaseline.main(rest);
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      default -> {
        System.err.println("unknown command " + args[0] + "; use run, server, baseline or jmh");
        System.exit(2);
      }
    }
  }
}
