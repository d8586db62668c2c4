package org.livechatcontract.server.stub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.livechatcontract.server.fixture.Fixture;
import org.livechatcontract.stub.model.FixtureDocument;

/**
 * Between the fixture format ({@link Fixture}) and the admin spec's {@code FixtureDocument}: through
 * JSON, key by key, so a key one side has and the other lacks fails here rather than being lost.
 */
public final class FixtureDocuments {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private FixtureDocuments() {}

  public static FixtureDocument toDocument(Fixture fixture) {
    return JSON.convertValue(fixture, FixtureDocument.class);
  }

  public static Fixture toFixture(FixtureDocument document) {
    return JSON.convertValue(document, Fixture.class);
  }
}
