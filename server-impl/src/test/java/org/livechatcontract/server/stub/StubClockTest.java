package org.livechatcontract.server.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Api;
import org.livechatcontract.server.support.LiveServer;

/** A fixed clock stands still until the admin API moves it; the state's timestamps follow it. */
class StubClockTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer(
      c -> c.withClock(StubClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"))));

  @Test
  void theFixedClockMovesOnlyWhenAdvancedAndResetTakesItBack() {
    Api admin = server.freshAdmin();
    assertEquals("{\"now\":\"2026-01-01T00:00:00.000Z\",\"fixed\":true,\"success\":true}", admin.get("/api/v1/stub/clock").body());
    String first = server.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"clock-1\"}}")
        .json().path("visitor").path("ts").asText();
    assertEquals("2026-01-01T00:00:00.000Z", first);

    assertEquals("2026-01-01T01:00:00.000Z",
        admin.post("/api/v1/stub/clock.advance", "{\"seconds\":3600}").json().path("now").asText());
    String second = server.api().post("/api/v1/livechat/visitor", "{\"visitor\":{\"token\":\"clock-2\"}}")
        .json().path("visitor").path("ts").asText();
    assertEquals("2026-01-01T01:00:00.000Z", second);
    assertEquals(400, admin.post("/api/v1/stub/clock.advance", "{\"seconds\":-1}").status());

    admin.post("/api/v1/stub/reset", null);
    assertEquals("2026-01-01T00:00:00.000Z", server.freshAdmin().get("/api/v1/stub/clock").json().path("now").asText());
  }
}
