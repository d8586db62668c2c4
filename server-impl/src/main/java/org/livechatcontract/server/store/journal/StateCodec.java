package org.livechatcontract.server.store.journal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns store records into journal payloads and back: {@code {"t":"<type>","v":<record as JSON>}}.
 * Each type is registered with its class and the store method that puts it.
 *
 * @param <S> the store the records are replayed into
 */
public final class StateCodec<S> {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // Only a record's components are its state: derived is-getters ({@code isClosed()}) are not kept.
      .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

  private record Type<S, R>(String name, Class<R> type, BiConsumer<S, R> put) {}

  /** A payload as written: {@code {"t":<type>,"v":<record>}}. */
  @com.fasterxml.jackson.annotation.JsonPropertyOrder({"t", "v"})
  private record Envelope(String t, Object v) {}

  private final Map<String, Type<S, ?>> byName = new LinkedHashMap<>();
  private final Map<Class<?>, Type<S, ?>> byClass = new LinkedHashMap<>();

  public <R> StateCodec<S> register(String name, Class<R> type, BiConsumer<S, R> put) {
    Type<S, R> t = new Type<>(name, type, put);
    byName.put(name, t);
    byClass.putIfAbsent(type, t);
    return this;
  }

  /** The payload of a record under the first type registered for its class. */
  public byte[] encode(Object record) {
    Type<S, ?> t = byClass.get(record.getClass());
    if (t == null) {
      throw new IllegalArgumentException("no journal type registered for " + record.getClass().getName());
    }
    return encode(t.name(), record);
  }

  /** The payload of a record of a named type (for types that share a class, such as ids of deletions). */
  public byte[] encode(String type, Object value) {
    Type<S, ?> t = byName.get(type);
    if (t == null || !t.type().isInstance(value)) {
      throw new IllegalArgumentException("no journal type '" + type + "' for " + value.getClass().getName());
    }
    try {
      // Written in one pass, straight from the record: this runs on every durable write.
      return JSON.writeValueAsBytes(new Envelope(type, value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the record a payload holds into the store. */
  public void apply(byte[] payload, S store) {
    try {
      JsonNode node = JSON.readTree(payload);
      Type<S, ?> t = byName.get(node.path("t").asText());
      if (t == null) {
        throw new JournalException("unknown record type '" + node.path("t").asText() + "' in the data file");
      }
      put(t, node.get("v"), store);
    } catch (IOException e) {
      throw new JournalException("unreadable record in the data file: " + e.getMessage(), e);
    }
  }

  private static <S, R> void put(Type<S, R> t, JsonNode value, S store) throws IOException {
    t.put().accept(store, JSON.treeToValue(value, t.type()));
  }
}
