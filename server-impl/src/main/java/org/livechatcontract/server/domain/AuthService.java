package org.livechatcontract.server.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.livechatcontract.server.store.LivechatStore;

/** Login, logout and the check of {@code X-User-Id} / {@code X-Auth-Token}. Tokens are kept only as hashes. */
public final class AuthService {
  private final LivechatStore store;
  private final Ids ids;

  public AuthService(LivechatStore store, Ids ids) {
    this.store = store;
    this.ids = ids;
  }

  /** What a login request carries; any of the identifying fields may be null. */
  public record Credentials(String user, String username, String email, String password, String resume) {}

  /** A successful login: the user and the auth token to hand back (the only time it exists in the clear). */
  public record Session(User user, String authToken) {}

  public Session login(Credentials c) {
    User user = c.resume() != null ? byResumeToken(c.resume()) : byPassword(c);
    String token = ids.secret();
    String hash = Secrets.hashToken(token);
    User updated = store.updateUser(user.id(), current -> {
      List<String> tokens = new ArrayList<>(current.loginTokens());
      tokens.add(hash);
      return current.withLoginTokens(tokens);
    }).orElseThrow(AuthenticationFailed::new);
    return new Session(updated, token);
  }

  private User byPassword(Credentials c) {
    if (c.password() == null) {
      throw new AuthenticationFailed();
    }
    Optional<User> found = Optional.empty();
    if (c.user() != null) {
      found = c.user().contains("@") ? store.userByEmail(c.user()) : store.userByUsername(c.user());
    } else if (c.username() != null) {
      found = store.userByUsername(c.username());
    } else if (c.email() != null) {
      found = store.userByEmail(c.email());
    }
    User user = found.filter(User::active).orElseThrow(AuthenticationFailed::new);
    if (user.passwordHash() == null || !Secrets.passwordMatches(c.password(), user.passwordHash())) {
      throw new AuthenticationFailed();
    }
    return user;
  }

  private User byResumeToken(String token) {
    return store.userByLoginTokenHash(Secrets.hashToken(token)).filter(User::active)
        .orElseThrow(AuthenticationFailed::new);
  }

  /** The active user whose id and auth token these are, if any. */
  public Optional<User> authenticate(String userId, String authToken) {
    if (userId == null || authToken == null || userId.isEmpty() || authToken.isEmpty()) {
      return Optional.empty();
    }
    String hash = Secrets.hashToken(authToken);
    return store.userById(userId).filter(User::active).filter(u -> holds(u, hash));
  }

  /** Invalidates one auth token of the user. */
  public void logout(String userId, String authToken) {
    String hash = Secrets.hashToken(authToken);
    store.updateUser(userId, u -> {
      List<String> tokens = new ArrayList<>(u.loginTokens());
      tokens.removeIf(t -> Secrets.sameHash(t, hash));
      return u.withLoginTokens(tokens);
    });
  }

  private static boolean holds(User user, String hash) {
    boolean found = false;
    for (String t : user.loginTokens()) {
      found |= Secrets.sameHash(t, hash); // no early exit: the time taken does not say which token matched
    }
    return found;
  }
}
