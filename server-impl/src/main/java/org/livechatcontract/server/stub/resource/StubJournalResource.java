package org.livechatcontract.server.stub.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.Validated;
import org.livechatcontract.server.stub.Journal;
import org.livechatcontract.stub.api.StubJournalApi;
import org.livechatcontract.stub.model.JournalEntry;
import org.livechatcontract.stub.model.JournalResponse;
import org.livechatcontract.stub.model.SuccessResponse;

/** {@code GET} and {@code DELETE stub/journal}. */
@Singleton
public final class StubJournalResource implements StubJournalApi {
  private static final int DEFAULT_LIMIT = 100;
  private final Journal journal;

  @Inject
  public StubJournalResource(Journal journal) {
    this.journal = journal;
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  @Validated
  public JournalResponse getJournal(String path, Integer status, Integer limit) {
    return new JournalResponse()
        .entries(journal.find(path, status, limit == null ? DEFAULT_LIMIT : limit).stream()
            .map(StubJournalResource::entry).toList())
        .success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  public SuccessResponse clearJournal() {
    journal.clear();
    return new SuccessResponse().success(true);
  }

  private static JournalEntry entry(Journal.Entry e) {
    return new JournalEntry()
        .seq(e.seq())
        .time(e.time().atOffset(ZoneOffset.UTC))
        .method(e.method())
        .path(e.path())
        .query(e.query())
        .requestHeaders(e.requestHeaders())
        .requestBody(e.requestBody())
        .status(e.status())
        .responseBody(e.responseBody())
        .elapsedMs(e.elapsedMs())
        .rule(e.rule());
  }
}
