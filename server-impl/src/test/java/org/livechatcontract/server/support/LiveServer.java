package org.livechatcontract.server.support;

import java.time.Instant;
import java.util.List;
import java.util.Set;
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
 * A real server on a free loopback port, in the default state and in self-check mode (every answer is
 * checked against the spec before it is sent), for one test class. Tests talk to
 * it over HTTP through {@link #api()}; {@link #state()} reaches behind the API only to arrange
 * what the API cannot arrange yet.
 */
public final class LiveServer implements BeforeAllCallback, AfterAllCallback {
  /** Every test server runs in self-check mode; the contract is read once for the whole run. */
  private static final ResponseContract CONTRACT = ResponseContract.fromClasspathSpec();

  private LivechatServer server;
  private Api api;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = LivechatServer.start(LivechatServer.Config.defaults(0).withResponseContract(CONTRACT));
    api = new Api(server.baseUri());
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

  /** Replaces a user's presence. */
  public void setPresence(String username, Status status, Status connection, AgentStatus livechat) {
    User u = state().store().userByUsername(username).orElseThrow();
    state().store().saveUser(new User(u.id(), u.username(), u.name(), u.email(), u.passwordHash(), u.roles(), status,
        connection, livechat, u.active(), u.loginTokens(), u.createdAt()));
  }
}
