package org.livechatcontract.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Rocket.Chat stores JavaScript dates: millisecond precision. */
public final class Times {
  private Times() {}

  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
