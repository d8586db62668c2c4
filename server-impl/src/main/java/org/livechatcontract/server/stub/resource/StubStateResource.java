package org.livechatcontract.server.stub.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.livechatcontract.server.domain.LivechatError;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.fixture.FixtureLoader;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.Validated;
import org.livechatcontract.server.stub.FixtureDocuments;
import org.livechatcontract.server.stub.StubState;
import org.livechatcontract.stub.api.StubStateApi;
import org.livechatcontract.stub.model.FixtureDocument;
import org.livechatcontract.stub.model.SuccessResponse;

/** {@code POST stub/reset}, {@code GET} and {@code PUT stub/state}. */
@Singleton
public final class StubStateResource implements StubStateApi {
  private final StubState state;

  @Inject
  public StubStateResource(StubState state) {
    this.state = state;
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  public SuccessResponse resetState() {
    state.reset();
    return new SuccessResponse().success(true);
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  public FixtureDocument exportState() {
    return FixtureDocuments.toDocument(state.export());
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  @Validated
  public SuccessResponse loadState(FixtureDocument document) {
    try {
      state.load(FixtureDocuments.toFixture(document));
    } catch (FixtureLoader.BadFixture e) {
      throw LivechatError.plain(e.getMessage());
    }
    return new SuccessResponse().success(true);
  }
}
