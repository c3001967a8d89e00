package io.scanwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123Z");

  @Test
  void idsAreVersion7WithTheTimeInTheirFirst48Bits() {
    UUID id = EventIds.timeOrdered(AT);

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
  }

  @Test
  void laterIdsSortAfterEarlierOnes() {
    UUID earlier = EventIds.timeOrdered(AT);
    UUID later = EventIds.timeOrdered(AT.plusMillis(1));

    assertThat(later.toString()).isGreaterThan(earlier.toString());
  }

  @Test
  void derivedIdsRepeatForTheSameInputAndDifferForAnother() {
    assertThat(EventIds.derived(AT, "report-1/verdict"))
        .isEqualTo(EventIds.derived(AT, "report-1/verdict"))
        .isNotEqualTo(EventIds.derived(AT, "report-1/alert"));
    assertThat(EventIds.derived(AT, "report-1/verdict").version()).isEqualTo(7);
  }
}
