package io.scanwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final DeliveryProperties PROPERTIES =
      new DeliveryProperties(
          5,
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          Duration.ofSeconds(1),
          Duration.ofMinutes(2));

  @Test
  void theBackoffDoublesWithEachFailedAttemptUpToTheMaximum() {
    RetrySchedule noJitter = new RetrySchedule(PROPERTIES, () -> 1.0);

    assertThat(noJitter.nextAttemptAt(1, null, NOW)).isEqualTo(NOW.plusSeconds(10));
    assertThat(noJitter.nextAttemptAt(2, null, NOW)).isEqualTo(NOW.plusSeconds(20));
    assertThat(noJitter.nextAttemptAt(3, null, NOW)).isEqualTo(NOW.plusSeconds(40));
    assertThat(noJitter.nextAttemptAt(4, null, NOW)).isEqualTo(NOW.plusSeconds(60));
    assertThat(noJitter.nextAttemptAt(40, null, NOW)).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void jitterTakesOffUpToHalfTheBackoff() {
    assertThat(new RetrySchedule(PROPERTIES, () -> 0.0).nextAttemptAt(2, null, NOW))
        .isEqualTo(NOW.plusSeconds(10));
    assertThat(new RetrySchedule(PROPERTIES, () -> 0.5).nextAttemptAt(2, null, NOW))
        .isEqualTo(NOW.plusSeconds(15));
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsHonoured() {
    RetrySchedule schedule = new RetrySchedule(PROPERTIES, () -> 1.0);

    assertThat(schedule.nextAttemptAt(1, Duration.ofSeconds(90), NOW))
        .isEqualTo(NOW.plusSeconds(90));
    assertThat(schedule.nextAttemptAt(1, Duration.ZERO, NOW)).isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  void theLastAllowedAttemptExhaustsTheDelivery() {
    RetrySchedule schedule = new RetrySchedule(PROPERTIES, () -> 1.0);

    assertThat(schedule.exhausted(4)).isFalse();
    assertThat(schedule.exhausted(5)).isTrue();
  }
}
