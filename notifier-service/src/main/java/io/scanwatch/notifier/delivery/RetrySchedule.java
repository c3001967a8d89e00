package io.scanwatch.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, never sooner than the
 * receiver asked, and not at all after the last allowed attempt.
 */
class RetrySchedule {

  // Beyond 2^30 doublings every realistic backoff is already capped.
  private static final int MAX_DOUBLINGS = 30;

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final DoubleSupplier random;

  /**
   * @param random uniform values in {@code [0, 1)} for the jitter
   */
  RetrySchedule(DeliveryProperties properties, DoubleSupplier random) {
    this.maxAttempts = properties.maxAttempts();
    this.initialBackoff = properties.initialBackoff();
    this.maxBackoff = properties.maxBackoff();
    this.random = random;
  }

  /** Whether a delivery that has failed {@code attempts} times must be given up. */
  boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /**
   * When to try again after attempt number {@code attempts} failed at {@code now}.
   *
   * @param retryAfter the wait the receiver asked for, or {@code null}
   */
  Instant nextAttemptAt(int attempts, Duration retryAfter, Instant now) {
    Duration backoff = backoff(attempts);
    // Equal jitter: half the backoff is fixed and half random, so deliveries that failed together
    // (a receiver outage) come back spread out, yet never immediately.
    Duration half = backoff.dividedBy(2);
    Duration wait = half.plusMillis((long) (half.toMillis() * random.getAsDouble()));
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    return now.plus(wait);
  }

  private Duration backoff(int attempts) {
    int doublings = Math.clamp(attempts - 1L, 0, MAX_DOUBLINGS);
    Duration backoff = initialBackoff.multipliedBy(1L << doublings);
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
