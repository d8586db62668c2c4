package org.livechatcontract.server.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user who logs in: an admin, a manager or an agent.
 *
 * @param passwordHash the stored password hash (see {@link Passwords}); never the password
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
}
