package org.livechatcontract.server.stub;

import java.util.List;

/**
 * What the server offers frontend developers on top of the Livechat API.
 *
 * @param cors        answer browsers on other origins (CORS headers and preflights)
 * @param corsOrigins the origins allowed; {@code *} allows any
 * @param adminApi    serve the admin API under {@code /api/v1/stub/}
 * @param journalSize how many requests the journal keeps
 */
public record StubOptions(boolean cors, List<String> corsOrigins, boolean adminApi, int journalSize) {
  public static final int DEFAULT_JOURNAL_SIZE = 100;

  public StubOptions {
    corsOrigins = List.copyOf(corsOrigins);
    if (journalSize < 0) {
      throw new IllegalArgumentException("the journal size must not be negative");
    }
  }

  public static StubOptions defaults() {
    return new StubOptions(true, List.of("*"), true, DEFAULT_JOURNAL_SIZE);
  }

  public StubOptions withCors(boolean on, List<String> origins) {
    return new StubOptions(on, origins, adminApi, journalSize);
  }

  public StubOptions withAdminApi(boolean on) {
    return new StubOptions(cors, corsOrigins, on, journalSize);
  }

  public StubOptions withJournalSize(int size) {
    return new StubOptions(cors, corsOrigins, adminApi, size);
  }
}
