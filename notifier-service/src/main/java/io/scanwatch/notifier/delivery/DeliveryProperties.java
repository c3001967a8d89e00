package io.scanwatch.notifier.delivery;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries are retried.
 *
 * @param maxAttempts attempts per delivery before it is parked
 * @param initialBackoff the wait after the first failed attempt; it doubles with each further one
 * @param maxBackoff the longest wait between two attempts, unless the receiver asks for longer
 * @param pollInterval how often due deliveries are looked for
 * @param lease how long a running attempt owns its delivery; it must outlast the slowest attempt,
 *     since after it another poller may retry the delivery
 */
@Validated
@ConfigurationProperties("scanwatch.notifier.delivery")
public record DeliveryProperties(
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration pollInterval,
    @NotNull Duration lease) {

  @AssertTrue(
      message =
          "initial-backoff, poll-interval and lease must be positive, and max-backoff at least"
              + " initial-backoff")
  boolean isConsistent() {
    if (initialBackoff == null || maxBackoff == null || pollInterval == null || lease == null) {
      return true;
    }
    return initialBackoff.isPositive()
        && pollInterval.isPositive()
        && lease.isPositive()
        && maxBackoff.compareTo(initialBackoff) >= 0;
  }
}
