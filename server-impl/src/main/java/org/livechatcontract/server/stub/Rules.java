package org.livechatcontract.server.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency and fault rules per operation. A rule delays the requests it takes (fixed, or uniform between
 * two bounds), answers them with an error status the spec documents for the operation, or both; it
 * takes a request with its probability, and at most {@code count} requests. Every rule of the operation
 * is tried, oldest first: the delays of the rules that take the request add up, and the first of them
 * with a status answers it (a later rule with a status is then not tried, and its count is not spent).
 */
public final class Rules {
  /** A refused rule; the message says why. */
  public static final class BadRule extends RuntimeException {
    BadRule(String message) {
      super(message, null, false, false);
    }
  }

  /** What a rule asks for; {@code delayMs}/{@code minMs}/{@code maxMs}, {@code status}, {@code count} may be null. */
  public record Spec(String operationId, Integer fixedMs, Integer minMs, Integer maxMs, Integer status, String error,
      double probability, Integer count) {}

  /** A stored rule, with how many requests it has taken. */
  public static final class Rule {
    private final String id;
    private final Spec spec;
    private final AtomicInteger applied = new AtomicInteger();

    Rule(String id, Spec spec) {
      this.id = id;
      this.spec = spec;
    }

    public String id() {
      return id;
    }

    public Spec spec() {
      return spec;
    }

    public int applied() {
      return applied.get();
    }

    /** Counts one more request, unless the rule has taken all it may. */
    boolean take() {
      if (spec.count() == null) {
        applied.incrementAndGet();
        return true;
      }
      int n;
      do {
        n = applied.get();
        if (n >= spec.count()) {
          return false;
        }
      } while (!applied.compareAndSet(n, n + 1));
      return true;
    }
  }

  /** What happens to one request: wait {@code delayMs}, then answer {@code status} (if not null). */
  public record Firing(List<String> ruleIds, long delayMs, Integer status, String error) {}

  private final Operations operations;
  private final Random random;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  public Rules(Operations operations, Random random) {
    this.operations = operations;
    this.random = random;
  }

  public Rule add(Spec spec) {
    SortedSet<Integer> documented = operations.documentedStatuses(spec.operationId())
        .orElseThrow(() -> new BadRule("no operation of the Livechat API has the operationId '" + spec.operationId() + "'"));
    boolean range = spec.minMs() != null || spec.maxMs() != null;
    if (spec.fixedMs() != null && range) {
      throw new BadRule("give delay.fixedMs, or delay.minMs and delay.maxMs, not both");
    }
    if (range && (spec.minMs() == null || spec.maxMs() == null || spec.minMs() > spec.maxMs())) {
      throw new BadRule("delay.minMs and delay.maxMs go together, with minMs <= maxMs");
    }
    if (spec.status() != null && spec.status() >= 500) {
      throw new BadRule("status " + spec.status() + " cannot be injected: the only 5xx the spec documents is the "
          + "self-check's 500 contract-violation; inject one of the operation's documented 4xx");
    }
    if (spec.status() != null && (spec.status() < 400 || !documented.contains(spec.status()))) {
      throw new BadRule(spec.operationId() + " does not document status " + spec.status() + " as an error; it documents "
          + documented);
    }
    if (spec.status() == null && spec.fixedMs() == null && !range) {
      throw new BadRule("a rule needs a delay, a status, or both");
    }
    if (spec.error() != null && spec.status() == null) {
      throw new BadRule("error goes with status");
    }
    Rule rule = new Rule("r" + ids.incrementAndGet(), spec);
    rules.add(rule);
    return rule;
  }

  public List<Rule> all() {
    return new ArrayList<>(rules);
  }

  public void clear() {
    rules.clear();
  }

  /** What the rules do to one request to this operation, if anything. */
  public Optional<Firing> fire(String operationId) {
    List<String> fired = new ArrayList<>();
    long delay = 0;
    Integer status = null;
    String error = null;
    for (Rule rule : rules) {
      Spec s = rule.spec();
      if (!s.operationId().equals(operationId) || (status != null && s.status() != null)) {
        continue;
      }
      if (s.probability() < 1 && draw() >= s.probability()) {
        continue;
      }
      if (!rule.take()) {
        continue;
      }
      fired.add(rule.id());
      delay += s.fixedMs() != null ? s.fixedMs()
          : s.minMs() != null ? s.minMs() + (long) (draw() * (s.maxMs() - s.minMs() + 1)) : 0;
      if (s.status() != null) {
        status = s.status();
        error = s.error();
      }
    }
    return fired.isEmpty() ? Optional.empty() : Optional.of(new Firing(List.copyOf(fired), delay, status, error));
  }

  private double draw() {
    synchronized (random) {
      return random.nextDouble();
    }
  }
}
