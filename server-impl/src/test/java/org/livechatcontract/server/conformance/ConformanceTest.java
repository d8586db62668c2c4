package org.livechatcontract.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.Roles;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.domain.Visitor;
import org.livechatcontract.server.support.LiveServer;

/**
 * The conformance suite: every operation of {@code openapi/livechat.yaml}, driven by the spec alone, in
 * Schemathesis's phases (examples, boundary values, random valid requests, negative mutations), plus
 * credentials, undeclared methods and stateful sequences, against a live server in self-check mode.
 *
 * <p>Every answer goes through every check (see {@link Checks}); relaxations come only from
 * {@code conformance/deviations.yaml}. A failure prints the request as a curl command, the answer and the
 * seed; {@code -Dconformance.seed=N} replays a run or explores another, {@code -Dconformance.random=N} sets
 * the number of random requests per operation.
 */
class ConformanceTest {
  static final int MIN_REQUESTS = 200;

  @RegisterExtension
  static final LiveServer server = new LiveServer();

  private static Runner runner;
  private static long startedNanos;
  /** The default state's users, visitors and permissions as the run found them, put back before each operation. */
  private static Map<String, User> users;
  private static Set<String> departments;
  private static List<Permissions.Change> permissions;

  static long seed() {
    return Long.getLong("conformance.seed", Runner.DEFAULT_SEED);
  }

  @TestFactory
  Stream<DynamicNode> everyOperationKeepsTheContract() {
    startedNanos = System.nanoTime();
    runner = new Runner(URI.create("http://127.0.0.1:" + server.port()), new Users(server.state()), seed());
    users = new LinkedHashMap<>();
    for (String role : List.of(Roles.ADMIN, Roles.LIVECHAT_AGENT, Roles.LIVECHAT_MANAGER, Roles.USER)) {
      server.state().store().usersWithRole(role).forEach(u -> users.putIfAbsent(u.id(), u));
    }
    departments = server.state().store().departments().stream().map(d -> d.id()).collect(Collectors.toSet());
    permissions = server.state().permissions().all().stream()
        .map(p -> new Permissions.Change(p.id(), List.copyOf(p.roles()))).toList();
    int random = Integer.getInteger("conformance.random", 10);
    Cases cases = runner.cases;
    Predicate<Spec.Op> takesInput = op -> !op.params().isEmpty() || op.body() != null;
    return Stream.of(
        phase("examples", op -> true, cases::examples),
        phase("boundary values", takesInput, cases::boundary),
        phase("random valid requests", takesInput, op -> cases.random(op, random)),
        phase("negative mutations", op -> true, cases::negative),
        phase("credentials", Spec.Op::secured, cases::auth),
        dynamicContainer("undeclared methods and OPTIONS", runner.spec.methodsByPath.entrySet().stream().map(e ->
            dynamicTest(e.getKey(), () -> runner.run("methods of " + e.getKey(), cases.methods(e.getKey(), e.getValue()))))),
        dynamicContainer("stateful sequences", Sequences.ALL.stream().map(s -> dynamicTest(s.name(), () -> sequence(s)))),
        dynamicTest("the deviations file relaxes only relaxable checks, each entry with its reason", () ->
            assertEquals(List.of(), runner.deviations.problems())),
        dynamicTest("every deviation was needed by this run", this::everyDeviationWasUsed),
        dynamicTest("the suite sent at least " + MIN_REQUESTS + " requests", () ->
            assertTrue(runner.log.requests >= MIN_REQUESTS, runner.log.requests + " requests")));
  }

  /**
   * One test per operation the phase applies to; the requests are generated when the test runs. An operation
   * whose request body is not JSON is skipped, visibly: the suite generates JSON bodies only.
   */
  private static DynamicNode phase(String name, Predicate<Spec.Op> applies, Function<Spec.Op, List<Case>> generate) {
    return dynamicContainer(name, runner.spec.operations.stream().filter(applies).map(op ->
        dynamicTest(op.toString(), () -> {
          Assumptions.assumeFalse(op.otherBody() != null,
              "the suite generates JSON bodies only; " + op.id() + " takes " + op.otherBody());
          restoreDefaultState();
          runner.run(name + " of " + op, generate.apply(op));
        })));
  }

  /**
   * Puts back what the operations of the agent side change in the default state: the users' roles and presence
   * ({@code users.setStatus}, {@code livechat/agent.status}, {@code livechat/users/{type}}), the
   * department of the visitors the run knows (one the run created, with nobody online, say) and the permissions
   * ({@code permissions.update}). Each operation then starts from the state its valid requests assume (an online
   * agent, an admin who may edit settings), so a refusal means the server refused, not that an earlier
   * operation took the agent offline. Login tokens and the visitors' rooms are kept.
   */
  private static void restoreDefaultState() {
    users.values().forEach(u -> server.state().store().updateUser(u.id(), now -> new User(now.id(), now.username(),
        now.name(), now.email(), now.passwordHash(), u.roles(), u.status(), u.statusConnection(), u.statusLivechat(),
        u.active(), now.loginTokens(), now.createdAt())));
    // A generated registration may put a visitor in a department the run created, with nobody in it; such a
    // visitor goes back to no department, as registered by the spec's examples.
    runner.known.all("token").forEach(token -> server.state().store().visitorByToken(token)
        .filter(v -> v.department() != null && !departments.contains(v.department()))
        .ifPresent(now -> server.state().store().updateVisitor(now.id(), x -> new Visitor(x.id(), x.username(),
            x.token(), x.name(), x.status(), x.phones(), x.emails(), null, x.livechatData(), x.ts(), x.updatedAt()))));
    server.state().permissions().update(permissions, java.time.Instant.now());
  }

  private static void sequence(Sequences.Sequence s) {
    List<String> missing = new ArrayList<>();
    for (Sequences.OpRef ref : s.needs()) {
      if (runner.spec.byId(ref.operationId()) != null) {
        continue;
      }
      Spec.Op there = runner.spec.byRoute(ref.method(), ref.path());
      if (there != null) {
        throw new AssertionError(ref.method() + " " + ref.path() + " is in the spec as operationId '" + there.id()
            + "', not '" + ref.operationId() + "': rename it in Sequences to run this sequence");
      }
      missing.add(ref.toString());
    }
    Assumptions.assumeTrue(missing.isEmpty(), "waiting for " + missing + " in the spec");
    runner.run(s);
  }

  /** With the default seed the run is fixed, so an entry it never used relaxes nothing and should go. */
  private void everyDeviationWasUsed() {
    Assumptions.assumeTrue(runner.seed == Runner.DEFAULT_SEED, "another seed may draw other inputs");
    List<String> unused = runner.deviations.active(runner.spec).stream()
        .map(Deviations.Entry::id).filter(id -> runner.deviations.uses().get(id) == 0).toList();
    assertEquals(List.of(), unused, "entries of " + Deviations.RESOURCE + " that no answer needed");
  }

  @AfterAll
  static void summary() {
    if (runner == null) {
      return;
    }
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    System.out.printf("conformance: %d requests (+%d logins for credentials) over %d operations and %d paths in %.1f s,"
            + " seed %d%n  by phase: %s%n  deviations used: %s%n  deviations waiting for operations: %s%n"
            + "  failed checks: %s%n",
        runner.log.requests, runner.wire.logins(), runner.spec.operations.size(), runner.spec.methodsByPath.size(),
        seconds, runner.seed, runner.log.byPhase, runner.deviations.uses(),
        runner.deviations.waitingOperations(runner.spec), runner.log.failedChecks.isEmpty() ? "none"
            : runner.log.failedChecks.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
  }
}
