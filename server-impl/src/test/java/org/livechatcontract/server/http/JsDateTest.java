package org.livechatcontract.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsDateTest {
  @Test
  void writesWhatTheGeneralFormatterWritesForAnyInstantAndOffset() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant = Instant.ofEpochMilli(random.nextLong(-62_167_219_200_000L, 253_402_300_799_999L))
          .plusNanos(random.nextInt(1_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1) / 60 * 60);
      OffsetDateTime value = instant.atOffset(offset);
      assertEquals(JsonMapper.JS_DATE.format(value.withOffsetSameInstant(ZoneOffset.UTC)), JsonMapper.jsDate(value),
          value.toString());
    }
  }

  @Test
  void keepsTheGeneralFormatterOutsideFourDigitYears() {
    OffsetDateTime far = OffsetDateTime.of(12345, 1, 2, 3, 4, 5, 6_000_000, ZoneOffset.UTC);
    assertEquals(JsonMapper.JS_DATE.format(far), JsonMapper.jsDate(far));
  }
}
