package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Department;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.domain.Roles;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.store.InMemoryStore;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.Reply;

/** The default state and fixture files. */
class FixtureTest {
  @TempDir
  Path dir;

  Livechat fresh() {
    return new Livechat(new InMemoryStore(), Ids.seeded(1), Clock.systemUTC());
  }

  @Test
  void theDefaultStateHasAnAdminAManagerAndOneOnlineAvailableAgent() {
    Livechat state = fresh();
    FixtureLoader.apply(FixtureLoader.readDefault(), state, "default");
    assertTrue(state.store().userByUsername("admin").orElseThrow().hasRole(Roles.ADMIN));
    assertTrue(state.store().userByUsername("manager").orElseThrow().hasRole(Roles.LIVECHAT_MANAGER));
    User agent = state.store().userByUsername("agent").orElseThrow();
    assertTrue(agent.hasRole(Roles.LIVECHAT_AGENT));
    assertEquals(Status.ONLINE, agent.status());
    assertEquals(AgentStatus.AVAILABLE, agent.statusLivechat());
    assertTrue(state.router().isOnline(agent));
    assertEquals(1, state.store().agents().size());
  }

  @Test
  void aYamlFixtureLoadsUsersDepartmentsSettingsAndVisitors() throws Exception {
    Path f = dir.resolve("state.yaml");
    Files.writeString(f, """
        users:
          - username: ann
            password: secret
            roles: [user, livechat-agent]
            status: online
            statusLivechat: available
        departments:
          - _id: sales-department-1
            name: Sales
        settings:
          Livechat_accept_chats_with_no_agents: true
        visitors:
          - token: visitor-token-1
            name: Mary
            department: Sales
        """);
    Livechat state = fresh();
    FixtureLoader.apply(FixtureLoader.read(f), state, f.toString());
    assertTrue(state.store().userByUsername("ann").isPresent());
    assertTrue(state.settings().flag("Livechat_accept_chats_with_no_agents"));
    assertEquals("sales-department-1", state.store().visitorByToken("visitor-token-1").orElseThrow().department());
  }

  @Test
  void aFixtureLoadsDepartmentsWithTheirAgentsAndFallbackAndPermissions() throws Exception {
    Path f = dir.resolve("departments.yaml");
    Files.writeString(f, """
        users:
          - {username: ann, password: ann, roles: [user, livechat-agent], status: online, statusLivechat: available}
          - {username: bob, password: bob, roles: [user, livechat-agent]}
        departments:
          - name: Sales
            agents: [bob]
            fallbackForwardDepartment: Support
          - {_id: support-1, name: Support, agents: [ann], showOnRegistration: true}
        permissions:
          view-livechat-manager: [admin]
        """);
    Livechat state = fresh();
    FixtureLoader.apply(FixtureLoader.read(f), state, f.toString());
    Department sales = state.store().departmentByIdOrName("Sales").orElseThrow();
    assertEquals("support-1", sales.fallbackForwardDepartment());
    assertEquals(List.of("bob"), sales.agents().stream().map(Department.Agent::username).toList());
    assertTrue(sales.enabled());
    assertTrue(state.store().departmentById("support-1").orElseThrow().showOnRegistration());
    User manager = new User("m", "m", "m", null, null, Set.of(Roles.LIVECHAT_MANAGER), Status.ONLINE, Status.ONLINE,
        AgentStatus.NOT_AVAILABLE, true, List.of(), Instant.EPOCH);
    assertFalse(state.permissions().has(manager, "view-livechat-manager"));
  }

  @Test
  void aStartedServerServesTheFixturesStateThroughTheApi() throws Exception {
    Path f = dir.resolve("served.json");
    Files.writeString(f, """
        {"users": [
           {"username": "boss", "password": "boss", "roles": ["user", "admin"]},
           {"username": "ann", "password": "ann", "roles": ["user", "livechat-agent"], "status": "online",
            "statusLivechat": "available"}],
         "departments": [{"_id": "sales-1", "name": "Sales", "agents": ["ann"]}],
         "settings": {"Livechat_Routing_Method": "Manual_Selection"},
         "visitors": [{"token": "visitor-1", "name": "Mary", "department": "Sales"}]}
        """);
    LivechatServer.Config config = LivechatServer.Config.defaults(0).withFixture(FixtureLoader.read(f), f.toString());
    try (LivechatServer started = LivechatServer.start(config)) {
      Api api = new Api(started.baseUri());
      Reply room = api.get("/api/v1/livechat/room?token=visitor-1");
      assertEquals("sales-1", room.json().path("room").path("departmentId").asText());
      assertFalse(room.json().path("room").has("servedBy"));
      Api ann = api.as(api.login("ann", "ann"));
      assertEquals(1, ann.get("/api/v1/livechat/inquiries.queued").json().path("total").asInt());
      assertEquals("\"Manual_Selection\"", api.as(api.login("boss", "boss"))
          .get("/api/v1/settings/Livechat_Routing_Method").json().path("value").toString());
    }
  }

  static Stream<Arguments> badFixtures() {
    String users = "users:\n  - {username: ann, password: x, roles: [user, livechat-agent]}\n";
    return Stream.of(
        Arguments.of(users + "  - {username: ANN, password: x, roles: [user]}\n", 3, "appears twice"),
        Arguments.of("users:\n  - username: ann\n    password: x\n    roles:\n      - user\n      - wizard\n", 6,
            "unknown role 'wizard'"),
        Arguments.of(users + "  - {username: bob, password: x, roles: [user], status: asleep}\n", 3, "asleep"),
        Arguments.of(users + "departments:\n  - name: Sales\n    agents: [ann, nobody]\n", 5, "no user 'nobody'"),
        Arguments.of("departments:\n  - name: Sales\n    fallbackForwardDepartment: Nowhere\n", 3,
            "no department 'Nowhere'"),
        Arguments.of("departments:\n  - name: Sales\n    fallbackForwardDepartment: Sales\n", 3, "its own fallback"),
        Arguments.of("settings:\n  Livechat_enabled: true\n  Livechat_Routing_Method: Round_Robin\n", 3, "Round_Robin"),
        Arguments.of("settings:\n  Livechat_foo: 1\n", 2, "Livechat_foo"),
        Arguments.of("permissions:\n  fly: [admin]\n", 2, "unknown permission 'fly'"),
        Arguments.of("permissions:\n  view-l-room: [admin, wizard]\n", 2, "unknown role 'wizard'"),
        Arguments.of("visitors:\n  - token: t1\n  - token: t2\n    department: Nowhere\n", 4, "no department 'Nowhere'"),
        Arguments.of("visitors:\n  - token: ' '\n", 2, "token cannot be empty"));
  }

  @ParameterizedTest(name = "[{index}] line {1}: {2}")
  @MethodSource("badFixtures")
  void aFixtureThatBreaksARuleNamesTheLineAndTheRule(String yaml, int line, String problem) throws Exception {
    Path f = dir.resolve("rules.yaml");
    Files.writeString(f, yaml);
    FixtureLoader.BadFixture e = assertThrows(FixtureLoader.BadFixture.class, () -> FixtureLoader.read(f));
    assertTrue(e.getMessage().startsWith(f + ":" + line + ":"), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void aBadFixtureNamesTheFileTheLineAndTheProblem() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "users:\n  - username: ann\n    password: x\n    roles: [user]\n    colour: blue\n");
    FixtureLoader.BadFixture e = assertThrows(FixtureLoader.BadFixture.class, () -> FixtureLoader.read(f));
    assertTrue(e.getMessage().startsWith(f + ":5:"), e.getMessage());
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void aFixtureWithAWronglyTypedSettingIsRefused() {
    Fixture fixture = new Fixture(null, null, java.util.Map.of("Livechat_enabled", "yes"), null, null, null);
    FixtureLoader.BadFixture e = assertThrows(FixtureLoader.BadFixture.class,
        () -> FixtureLoader.apply(fixture, fresh(), "f.json"));
    assertTrue(e.getMessage().contains("Livechat_enabled"), e.getMessage());
  }

  @Test
  void aUserWithoutAPasswordIsRefusedWithItsLine() throws Exception {
    Path f = dir.resolve("nopass.json");
    Files.writeString(f, "{\n  \"users\": [\n    {\"username\": \"ann\", \"roles\": [\"user\"]}\n  ]\n}\n");
    FixtureLoader.BadFixture e = assertThrows(FixtureLoader.BadFixture.class, () -> FixtureLoader.read(f));
    assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
    assertTrue(e.getMessage().contains("password"), e.getMessage());
  }

  @Test
  void customFieldsComeFromTheFixtureAndABadScopeOrRegexpIsRefused() throws Exception {
    Path f = dir.resolve("fields.yaml");
    Files.writeString(f, """
        customFields:
          - _id: address
          - _id: order
            scope: room
            regexp: '^[0-9]+$'
        """);
    Livechat state = fresh();
    FixtureLoader.apply(FixtureLoader.read(f), state, f.toString());
    assertEquals("visitor", state.store().customFieldById("address").orElseThrow().scope());
    assertEquals("room", state.store().customFieldById("order").orElseThrow().scope());

    Path bad = dir.resolve("bad-fields.yaml");
    Files.writeString(bad, "customFields:\n  - _id: x\n    scope: everywhere\n");
    FixtureLoader.BadFixture e = assertThrows(FixtureLoader.BadFixture.class,
        () -> FixtureLoader.apply(FixtureLoader.read(bad), fresh(), bad.toString()));
    assertTrue(e.getMessage().contains("scope must be visitor or room"), e.getMessage());
    Files.writeString(bad, "customFields:\n  - _id: x\n    regexp: '['\n");
    e = assertThrows(FixtureLoader.BadFixture.class, () -> FixtureLoader.apply(FixtureLoader.read(bad), fresh(), bad.toString()));
    assertTrue(e.getMessage().contains("regexp does not compile"), e.getMessage());
  }
}
