package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Ids;
import org.livechatcontract.server.domain.Roles;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.store.InMemoryStore;

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
  void aBadFixtureNamesTheFileTheLineAndTheProblem() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "users:\n  - username: ann\n    password: x\n    roles: [user]\n    colour: blue\n");
    FixtureLoader.BadFixture e = assertThrows(FixtureLoader.BadFixture.class, () -> FixtureLoader.read(f));
    assertTrue(e.getMessage().startsWith(f + ":5:"), e.getMessage());
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void aFixtureWithAWronglyTypedSettingIsRefused() {
    Fixture fixture = new Fixture(null, null, java.util.Map.of("Livechat_enabled", "yes"), null, null);
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
}
