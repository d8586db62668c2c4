package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.livechatcontract.server.store.LivechatStore;

/**
 * What a visitor does about themself: read and delete their record, set their presence, set custom
 * fields (Rocket.Chat's {@code guests.ts} and {@code custom-fields.ts}).
 */
public final class GuestService {
  private final LivechatStore store;
  private final Settings settings;
  private final Clock clock;

  public GuestService(LivechatStore store, Settings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** {@code GET livechat/visitor/:token}; a Meteor {@code invalid-token} when no visitor has it. */
  public Visitor visitor(String token) {
    return store.visitorByToken(token).orElseThrow(() -> LivechatError.meteor("invalid-token"));
  }

  /**
   * {@code DELETE livechat/visitor/:token}: refused while the visitor has an open room (unless the
   * GDPR setting is on); otherwise every room of the visitor, with its messages and files, is removed
   * and the visitor disabled.
   *
   * @return the removed visitor's {@code _id} and when it was removed
   */
  public Removed delete(String token) {
    Visitor visitor = visitor(token);
    List<Room> rooms = store.roomsByVisitorToken(token);
    if (rooms.stream().anyMatch(Room::open) && !settings.flag(Settings.ALLOW_COLLECT_HTTP_HEADERS)) {
      throw LivechatError.meteor("visitor-has-open-rooms", "Cannot remove visitors with opened rooms");
    }
    Instant now = Times.now(clock);
    for (Room room : rooms) {
      store.deleteFilesOfRoom(room.id());
      store.deleteMessagesOfRoom(room.id());
      store.deleteRoom(room.id());
    }
    store.updateVisitor(visitor.id(), v -> v.disabled(now));
    return new Removed(visitor.id(), now);
  }

  public record Removed(String id, Instant ts) {}

  /**
   * {@code POST livechat/visitor.status}: sets {@code v.status} on the visitor's open rooms (Rocket.Chat's
   * {@code notifyGuestStatusChanged}; the visitor record keeps its own status).
   */
  public Status setStatus(String token, String status) {
    Status parsed;
    try {
      parsed = Status.fromWire(status);
    } catch (IllegalArgumentException e) {
      throw LivechatError.match("Expected one of online, away, busy, offline in field status");
    }
    visitor(token);
    Instant now = Times.now(clock);
    for (Room room : store.openRoomsByVisitorToken(token)) {
      store.updateRoom(room.id(), r -> r.open() ? r.withVisitorStatus(parsed, now) : r);
    }
    return parsed;
  }

  /** One custom field value as the visitor sends it. */
  public record FieldValue(String key, String value, boolean overwrite) {}

  /**
   * {@code POST livechat/custom.field}: the key must name a defined field ({@code invalid-custom-field}
   * otherwise) and the value match its {@code regexp}.
   */
  public FieldValue setCustomField(String token, FieldValue value) {
    Visitor visitor = Lookups.guest(store, token);
    CustomField field = store.customFieldById(value.key())
        .orElseThrow(() -> LivechatError.plain("invalid-custom-field"));
    apply(visitor, field, value);
    return value;
  }

  /** {@code POST livechat/custom.fields}: as {@link #setCustomField}, skipping keys that name no field. */
  public List<FieldValue> setCustomFields(String token, List<FieldValue> values) {
    Visitor visitor = Lookups.guest(store, token);
    List<FieldValue> applied = new ArrayList<>();
    for (FieldValue value : values) {
      Optional<CustomField> field = store.customFieldById(value.key());
      if (field.isPresent()) {
        apply(visitor, field.get(), value);
        applied.add(value);
      }
    }
    return applied;
  }

  private void apply(Visitor visitor, CustomField field, FieldValue value) {
    if (field.regexp() != null && !field.regexp().isEmpty()
        && !Pattern.compile(field.regexp()).matcher(value.value()).find()) {
      throw LivechatError.plain("Invalid value for " + value.key() + " field");
    }
    Instant now = Times.now(clock);
    if (CustomField.SCOPE_ROOM.equals(field.scope().toLowerCase(Locale.ROOT))) {
      for (Room room : store.openRoomsByVisitorToken(visitor.token())) {
        store.updateRoom(room.id(), r -> r.withLivechatData(value.key(), value.value(), value.overwrite(), now));
      }
    } else {
      store.updateVisitor(visitor.id(), v -> v.withLivechatData(value.key(), value.value(), value.overwrite(), now));
    }
  }
}
