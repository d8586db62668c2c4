package org.livechatcontract.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.LivechatServer;
import org.livechatcontract.server.contract.ResponseContract;
import org.livechatcontract.server.domain.AgentStatus;
import org.livechatcontract.server.domain.Roles;
import org.livechatcontract.server.domain.Secrets;
import org.livechatcontract.server.domain.Status;
import org.livechatcontract.server.domain.User;

/**
 * A real server on a free loopback port, in the default state and in self-check mode (every answer
 * is checked against the spec before it is sent), for one test class. Tests talk to
 * it over HTTP through {@link #api()} and arrange state through the API as Rocket.Chat's own e2e
 * tests do (users, agents, departments, settings); {@link #state()} reaches behind the API only for
 * what the API cannot arrange (a connection's idle state, say).
 */
public final class LiveServer implements BeforeAllCallback, AfterAllCallback {
  /** Every test server runs in self-check mode; the contract is read once for the whole run. */
  private static final ResponseContract CONTRACT = ResponseContract.fromClasspathSpec();

  private final UnaryOperator<LivechatServer.Config> options;
  private LivechatServer server;
  private Api api;
  private Api admin;

  public LiveServer() {
    this(UnaryOperator.identity());
  }

  /** A server whose default configuration these options change (say, {@code c -> c.withStub(...)}). */
  public LiveServer(UnaryOperator<LivechatServer.Config> options) {
    this.options = options;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = LivechatServer.start(options.apply(LivechatServer.Config.defaults(0).withResponseContract(CONTRACT)));
    api = new Api(server.baseUri());
  }

  /** A new login as the default {@code admin}: for after a stub reset or load, which end every login. */
  public Api freshAdmin() {
    return api.as(api.login("admin", "admin"));
  }

  public java.net.URI baseUri() {
    return server.baseUri();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
  }

  public Api api() {
    return api;
  }

  public int port() {
    return server.port();
  }

  public Livechat state() {
    return server.state();
  }

  /** Registers a visitor with a fresh token through the API and returns the token. */
  public String newVisitor() {
    String token = "t-" + state().ids().id();
    Reply r = api.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + token + "\"}}");
    if (r.status() != 200) {
      throw new AssertionError("visitor registration failed: " + r);
    }
    return token;
  }

  /** Adds a livechat agent in the given presence, with password = username. */
  public User addAgent(String username, Status status, AgentStatus livechat) {
    User u = new User(state().ids().id(), username, username, username + "@livechat.local",
        Secrets.hashPassword(username), Set.of(Roles.USER, Roles.LIVECHAT_AGENT), status, status, livechat, true,
        List.of(), Instant.now());
    state().store().saveUser(u);
    return u;
  }

  /** Closes a room as its visitor would (behind the API until the close endpoints exist). */
  public void closeRoom(String rid) {
    org.livechatcontract.server.domain.Room r = state().store().roomById(rid).orElseThrow();
    state().rooms().close(r, "visitor", r.visitor().id(), r.visitor().username());
  }

  /** A client logged in as this user (password = username for users made by these helpers). */
  public Api as(String username) {
    return api.as(api.login(username, username));
  }

  /** A client logged in as the default state's admin (one login per test class). */
  public synchronized Api admin() {
    if (admin == null) {
      admin = as("admin");
    }
    return admin;
  }

  /** Creates a user through {@code users.create}, with password = username; returns the {@code _id}. */
  public String createUser(String username, String... roles) {
    String rolesJson = String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList());
    Reply r = admin().post("/api/v1/users.create", "{\"username\":\"" + username + "\",\"name\":\"" + username
        + "\",\"email\":\"" + username + "@livechat.local\",\"password\":\"" + username + "\",\"roles\":["
        + rolesJson + "]}");
    if (r.status() != 200) {
      throw new AssertionError("users.create failed: " + r);
    }
    return r.json().path("user").path("_id").asText();
  }

  /** Creates an agent who is online and available, through the API as Rocket.Chat's tests do; returns the {@code _id}. */
  public String createOnlineAgent(String username) {
    String id = createUser(username, "user", "livechat-agent");
    expectOk(admin().post("/api/v1/users.setStatus", "{\"username\":\"" + username + "\",\"status\":\"online\"}"));
    expectOk(admin().post("/api/v1/livechat/agent.status", "{\"agentId\":\"" + id + "\",\"status\":\"available\"}"));
    return id;
  }

  /** Creates an enabled department with these agents (by {@code _id}); returns its {@code _id}. */
  public String createDepartment(String name, String... agentIds) {
    return createDepartmentFrom(department(name, true, false, ""), agentIds);
  }

  /** A {@code department} object for create and update; {@code extraJson} adds keys ({@code ,"description":"d"}). */
  public static String department(String name, boolean enabled, boolean showOnRegistration, String extraJson) {
    return "{\"name\":\"" + name + "\",\"email\":\"" + name.toLowerCase().replace(' ', '-') + "@example.com\","
        + "\"enabled\":" + enabled + ",\"showOnRegistration\":" + showOnRegistration + ",\"showOnOfflineForm\":false"
        + extraJson + "}";
  }

  /** Creates a department from its JSON ({@code department}) with these agents; returns its {@code _id}. */
  public String createDepartmentFrom(String departmentJson, String... agentIds) {
    String agents = String.join(",", java.util.Arrays.stream(agentIds).map(a -> "{\"agentId\":\"" + a + "\"}").toList());
    Reply r = admin().post("/api/v1/livechat/department", "{\"department\":" + departmentJson + ",\"agents\":[" + agents + "]}");
    if (r.status() != 200) {
      throw new AssertionError("department creation failed: " + r);
    }
    return r.json().path("department").path("_id").asText();
  }

  /** Sets a setting through the API; {@code jsonValue} is the value as JSON ({@code true}, {@code "Manual_Selection"}). */
  public void setSetting(String id, String jsonValue) {
    expectOk(admin().post("/api/v1/settings/" + id, "{\"value\":" + jsonValue + "}"));
  }

  /** Registers a visitor in a department and asks for their room. */
  public Reply requestRoomInDepartment(String departmentId) {
    String token = "t-" + state().ids().id();
    expectOk(api.post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"" + token + "\",\"department\":\""
        + departmentId + "\"}}"));
    return api.get("/api/v1/livechat/room?token=" + token);
  }

  /** Registers a visitor in a department and opens their room; returns the room. */
  public JsonNode openRoomInDepartment(String departmentId) {
    return expectOk(requestRoomInDepartment(departmentId)).json().path("room");
  }

  /** The room as its visitor gets it now. */
  public JsonNode now(JsonNode room) {
    return expectOk(api.get("/api/v1/livechat/room?token=" + room.path("v").path("token").asText())).json().path("room");
  }

  /** The username of the room's agent, or null while unserved. */
  public static String servedBy(JsonNode room) {
    return room.path("servedBy").path("username").asText(null);
  }

  private static Reply expectOk(Reply r) {
    if (r.status() != 200) {
      throw new AssertionError("expected 200: " + r);
    }
    return r;
  }

  /** Replaces a user's presence. */
  public void setPresence(String username, Status status, Status connection, AgentStatus livechat) {
    User u = state().store().userByUsername(username).orElseThrow();
    state().store().saveUser(new User(u.id(), u.username(), u.name(), u.email(), u.passwordHash(), u.roles(), status,
        connection, livechat, u.active(), u.loginTokens(), u.createdAt()));
  }

  /** Opens (or gets) the visitor's room through the API and returns its {@code _id}. */
  public String openRoom(String token) {
    Reply r = api.get("/api/v1/livechat/room?token=" + token);
    if (r.status() != 200) {
      throw new AssertionError("room creation failed: " + r);
    }
    return r.json().path("room").path("_id").asText();
  }

  /** Sends a visitor message through the API and returns the stored message. */
  public com.fasterxml.jackson.databind.JsonNode say(String token, String rid, String text) {
    Reply r = api.post("/api/v1/livechat/message",
        "{\"token\":\"" + token + "\",\"rid\":\"" + rid + "\",\"msg\":\"" + text + "\"}");
    if (r.status() != 200) {
      throw new AssertionError("message failed: " + r);
    }
    return r.json().path("message");
  }

  /** Sets a setting for the length of one test; the returned handle puts the old value back. */
  public AutoCloseable setting(String id, Object value) {
    Object old = state().settings().value(id);
    state().settings().set(id, value);
    return () -> state().settings().set(id, old);
  }

  /** Defines a Livechat custom field (behind the API: fixtures define them). */
  public void addCustomField(String id, String scope, String regexp) {
    state().store().saveCustomField(new org.livechatcontract.server.domain.CustomField(id, id, scope, true, true, regexp,
        false, "input", null, null));
  }
}
