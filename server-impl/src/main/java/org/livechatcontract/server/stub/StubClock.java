package org.livechatcontract.server.stub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock: the system clock, or a fixed instant ({@code --clock}); either one moved forward
 * by the admin API ({@link #advance}) and back to where it started by a reset ({@link #reset}).
 */
public final class StubClock extends Clock {
  private final Clock base;
  private final boolean fixed;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  private StubClock(Clock base, boolean fixed) {
    this.base = base;
    this.fixed = fixed;
  }

  public static StubClock system() {
    return new StubClock(Clock.systemUTC(), false);
  }

  public static StubClock fixedAt(Instant start) {
    return new StubClock(Clock.fixed(start, ZoneOffset.UTC), true);
  }

  /** The clock itself if it is a {@code StubClock}, else a movable clock over it. */
  public static StubClock over(Clock clock) {
    return clock instanceof StubClock s ? s : new StubClock(clock, false);
  }

  public boolean isFixed() {
    return fixed;
  }

  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
    return instant();
  }

  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the server's clock is UTC");
  }
}
