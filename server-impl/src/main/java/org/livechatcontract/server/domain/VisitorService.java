package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.livechatcontract.server.store.LivechatStore;

/** Registering and updating visitors ({@code POST livechat/visitor}, Rocket.Chat's {@code registerGuest}). */
public final class VisitorService {
  private final LivechatStore store;
  private final Settings settings;
  private final Ids ids;
  private final Clock clock;
  private final Stripes tokenLocks = new Stripes(256);

  public VisitorService(LivechatStore store, Settings settings, Ids ids, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.ids = ids;
    this.clock = clock;
  }

  /** What a registration carries; everything but the token may be null. */
  public record Registration(String token, String name, String email, String phone, String department, String username) {}

  /**
   * Upserts a visitor: the one with this token, else the one with this phone (which keeps its own
   * token), else the one with this email, else a new {@code guest-N}.
   */
  public Visitor register(Registration r) {
    if (r.token() == null || r.token().isBlank()) {
      throw LivechatError.meteor("error-invalid-token", "Token cannot be empty", Map.of("method", "livechat/visitor"));
    }
    String departmentId = null;
    if (r.department() != null && !r.department().isEmpty()) {
      departmentId = store.departmentByIdOrName(r.department())
          .map(Department::id)
          .orElseThrow(() -> LivechatError.meteor("error-invalid-department", "The provided department is invalid"));
    }
    String email = null;
    if (r.email() != null && !r.email().isBlank()) {
      email = r.email().trim().toLowerCase(Locale.ROOT);
      if (!Emails.isValid(email)) {
        throw LivechatError.meteor("error-invalid-email", "Invalid email " + email);
      }
    }
    String phone = r.phone() == null || r.phone().isBlank() ? null : r.phone().trim();

    synchronized (tokenLocks.of(r.token())) {
      Optional<Visitor> existing = store.visitorByToken(r.token());
      if (existing.isEmpty() && phone != null) {
        existing = store.visitorByPhone(phone);
      }
      if (existing.isEmpty() && email != null) {
        existing = store.visitorByEmail(email);
      }
      Instant now = Times.now(clock);
      Visitor saved = existing.isPresent()
          ? update(existing.get(), r, email, phone, departmentId, now)
          : create(r, email, phone, departmentId, now);
      store.saveVisitor(saved);
      if (existing.isPresent()) {
        refreshOpenRooms(saved, now);
      }
      return saved;
    }
  }

  private Visitor create(Registration r, String email, String phone, String departmentId, Instant now) {
    String username = r.username() != null && !r.username().isBlank()
        ? r.username()
        : "guest-" + settings.nextGuestNumber();
    return new Visitor(ids.id(), username, r.token(), blankToNull(r.name()), Status.ONLINE,
        phone == null ? List.of() : List.of(phone),
        email == null ? List.of() : List.of(email),
        departmentId, Map.of(), now, now);
  }

  private static Visitor update(Visitor v, Registration r, String email, String phone, String departmentId, Instant now) {
    return new Visitor(v.id(),
        r.username() != null && !r.username().isBlank() ? r.username() : v.username(),
        v.token(), // found by phone or email: the visitor keeps the token it had, as in Rocket.Chat
        r.name() != null && !r.name().isBlank() ? r.name() : v.name(),
        Status.ONLINE,
        phone != null ? List.of(phone) : v.phones(),
        email != null ? List.of(email) : v.emails(),
        departmentId != null ? departmentId : v.department(),
        v.livechatData(), v.ts(), now);
  }

  /** Open rooms show the contact's current name. */
  private void refreshOpenRooms(Visitor v, Instant now) {
    for (Room room : store.openRoomsByVisitorToken(v.token())) {
      if (!room.fname().equals(v.displayName())) {
        store.updateRoom(room.id(), r -> r.renamed(v.displayName(), now)); // atomic: messages may arrive meanwhile
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
