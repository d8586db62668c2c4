package org.livechatcontract.server.conformance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends cases, runs every check on every answer, and keeps what the report needs: the failures with the
 * exact request, the answer and the seed; counts per phase and per check.
 */
final class Runner {
  /** The default seed: the suite is the same on every build unless a seed is given. */
  static final long DEFAULT_SEED = 20261125L;

  final long seed;
  final Spec spec;
  final Wire wire;
  final Deviations deviations;
  final Checks checks;
  final KnownValues known = new KnownValues();
  final Cases cases;
  final Log log = new Log();

  Runner(URI base, Users users, long seed) {
    this.seed = seed;
    this.spec = Spec.load();
    this.wire = new Wire(base, users);
    this.deviations = Deviations.load();
    this.checks = new Checks(spec, deviations);
    this.cases = new Cases(seed, known, wire.login(users.holding(List.of())), users);
  }

  /** Sends the cases and fails with a report of every case that broke a check. */
  void run(String title, List<Case> batch) {
    List<String> failures = new ArrayList<>();
    for (Case c : batch) {
      Wire.Exchange e = wire.send(c);
      List<Checks.Failure> broken = checks.judge(c, e);
      log.record(c, e, broken);
      if (!broken.isEmpty()) {
        failures.add(report(c, e, broken));
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(title + ": " + failures.size() + " of " + batch.size() + " requests broke a check\n\n"
          + String.join("\n", failures) + "\n" + reproduce());
    }
  }

  /** Runs one stateful sequence; its steps check every answer against the contract as they go. */
  void run(Sequences.Sequence sequence) {
    Sequences.Steps steps = new Sequences.Steps(spec, wire, checks, deviations, log, sequence.name(), seed);
    int before = log.failures.size();
    try {
      sequence.body().accept(steps);
    } catch (AssertionError e) {
      throw new AssertionError(sequence.name() + ": " + e.getMessage() + "\n" + reproduce(), e);
    }
    if (log.failures.size() > before) {
      throw new AssertionError(sequence.name() + ": an answer broke the contract\n\n"
          + String.join("\n", log.failures.subList(before, log.failures.size())) + "\n" + reproduce());
    }
  }

  String report(Case c, Wire.Exchange e, List<Checks.Failure> broken) {
    StringBuilder sb = new StringBuilder("x ").append(c).append('\n');
    for (Checks.Failure f : broken) {
      sb.append("    ").append(f.check()).append(": ").append(f.message()).append('\n');
    }
    sb.append("    request : ").append(wire.curl(e)).append('\n');
    sb.append("    response: ").append(e.answer()).append('\n');
    return sb.toString();
  }

  String reproduce() {
    return "seed " + seed + "; replay with: mvn -B test -pl server-impl -am -Dsurefire.failIfNoSpecifiedTests=false "
        + "-Dtest=ConformanceTest -Dconformance.seed=" + seed;
  }

  /** Every exchange of the run, counted by phase and by check. */
  final class Log {
    final Map<String, Integer> byPhase = new TreeMap<>();
    final Map<String, Integer> failedChecks = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    int requests;

    void record(Case c, Wire.Exchange e, List<Checks.Failure> broken) {
      requests++;
      byPhase.merge(c.phase(), 1, Integer::sum);
      broken.forEach(f -> failedChecks.merge(f.check(), 1, Integer::sum));
      if (!broken.isEmpty() && "stateful".equals(c.phase())) {
        failures.add(report(c, e, broken));
      }
      int status = e.answer().status();
      if (status >= 200 && status < 300) {
        known.harvest(e.answer().json());
      }
    }
  }
}
