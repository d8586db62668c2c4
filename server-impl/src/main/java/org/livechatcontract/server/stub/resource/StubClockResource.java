package org.livechatcontract.server.stub.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.ZoneOffset;
import org.livechatcontract.server.domain.Permissions;
import org.livechatcontract.server.domain.Times;
import org.livechatcontract.server.http.Authenticated;
import org.livechatcontract.server.http.Validated;
import org.livechatcontract.server.stub.StubClock;
import org.livechatcontract.stub.api.StubClockApi;
import org.livechatcontract.stub.model.ClockAdvanceRequest;
import org.livechatcontract.stub.model.ClockResponse;

/** {@code GET stub/clock} and {@code POST stub/clock.advance}. */
@Singleton
public final class StubClockResource implements StubClockApi {
  private final StubClock clock;

  @Inject
  public StubClockResource(StubClock clock) {
    this.clock = clock;
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  public ClockResponse getClock() {
    return now();
  }

  @Override
  @Authenticated(permissions = Permissions.STUB_ADMIN)
  @Validated
  public ClockResponse advanceClock(ClockAdvanceRequest body) {
    clock.advance(Duration.ofSeconds(body.getSeconds()));
    return now();
  }

  private ClockResponse now() {
    return new ClockResponse().now(Times.now(clock).atOffset(ZoneOffset.UTC)).fixed(clock.isFixed()).success(true);
  }
}
