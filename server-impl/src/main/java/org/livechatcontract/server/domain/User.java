package org.livechatcontract.server.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user who logs in: an admin, a manager or an agent.
 *
 * @param passwordHash the stored password hash (see {@link Secrets}); never the password
 * @param loginTokens  SHA-256 hashes of the user's live auth tokens; never the tokens
 */
public record User(
    String id,
    String username,
    String name,
    String email,
    String passwordHash,
    Set<String> roles,
    Status status,
    Status statusConnection,
    AgentStatus statusLivechat,
    boolean active,
    List<String> loginTokens,
    Instant createdAt) {

  public User {
    roles = Set.copyOf(roles);
    loginTokens = List.copyOf(loginTokens);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public User withLoginTokens(List<String> tokens) {
    return new User(id, username, name, email, passwordHash, roles, status, statusConnection, statusLivechat,
        active, tokens, createdAt);
  }

  public User withRoles(Set<String> newRoles) {
    return new User(id, username, name, email, passwordHash, newRoles, status, statusConnection, statusLivechat,
        active, loginTokens, createdAt);
  }

  /** The user's chosen presence ({@code status}); the connection's own ({@code statusConnection}) is kept. */
  public User withStatus(Status newStatus) {
    return new User(id, username, name, email, passwordHash, roles, newStatus, statusConnection, statusLivechat,
        active, loginTokens, createdAt);
  }

  public User withStatusLivechat(AgentStatus newStatus) {
    return new User(id, username, name, email, passwordHash, roles, status, statusConnection, newStatus,
        active, loginTokens, createdAt);
  }
}
