package org.livechatcontract.server.conformance;

import java.util.List;
import java.util.Optional;
import org.livechatcontract.server.Livechat;
import org.livechatcontract.server.domain.User;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.server.fixture.FixtureLoader;

/**
 * The users of the default state, and which of them hold an operation's {@code x-permissions}: the suite
 * logs in as one who holds them all for valid requests, and as one who lacks one for the 403 check.
 * Who holds what is asked of the running server's permissions, so a role change needs no change here.
 */
final class Users {
  /** A user the suite can log in as. */
  record Login(String username, String password) {}

  private final Livechat state;
  private final List<Fixture.FixtureUser> users = FixtureLoader.readDefault().users();

  Users(Livechat state) {
    this.state = state;
  }

  /** A user with every one of these permissions. */
  Login holding(List<String> permissions) {
    return find(permissions, true).orElseThrow(() ->
        new AssertionError("no user of the default state holds all of " + permissions));
  }

  /** A user without at least one of these permissions, if the default state has one. */
  Optional<Login> lacking(List<String> permissions) {
    return permissions.isEmpty() ? Optional.empty() : find(permissions, false);
  }

  private Optional<Login> find(List<String> permissions, boolean holdsAll) {
    for (Fixture.FixtureUser u : users) {
      User user = state.store().userByUsername(u.username()).orElse(null);
      if (user != null && user.active() && holdsAll == permissions.stream().allMatch(p -> state.permissions().has(user, p))) {
        return Optional.of(new Login(u.username(), u.password()));
      }
    }
    return Optional.empty();
  }
}
