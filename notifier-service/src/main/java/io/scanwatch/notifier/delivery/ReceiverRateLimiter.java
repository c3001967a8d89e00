package io.scanwatch.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces the messages to each receiver by its {@linkplain NotificationChannel#maxPerSecond() rate
 * limit}. A message over the limit waits for the receiver's next free slot rather than failing. The
 * slots are this instance's: instances sharing a receiver each keep to the limit.
 */
final class ReceiverRateLimiter {

  private final Map<String, Instant> nextFree = new ConcurrentHashMap<>();

  /**
   * Takes the receiver's slot if it is free at {@code now}.
   *
   * @return {@code null} when the slot was taken, else when the next slot is free
   */
  Instant tryAcquire(NotificationChannel channel, Instant now) {
    if (channel.maxPerSecond() <= 0) {
      return null;
    }
    Duration spacing = spacing(channel);
    Instant[] busyUntil = new Instant[1];
    nextFree.compute(
        channel.name(),
        (name, free) -> {
          if (free == null || !free.isAfter(now)) {
            return now.plus(spacing);
          }
          busyUntil[0] = free;
          return free;
        });
    return busyUntil[0];
  }

  /**
   * Reserves the receiver's next free slot.
   *
   * @return how long to wait for it from {@code now}; zero when it is free now
   */
  Duration reserve(NotificationChannel channel, Instant now) {
    if (channel.maxPerSecond() <= 0) {
      return Duration.ZERO;
    }
    Duration spacing = spacing(channel);
    Instant slot =
        nextFree
            .merge(
                channel.name(),
                now.plus(spacing),
                (free, fromNow) -> free.isAfter(now) ? free.plus(spacing) : fromNow)
            .minus(spacing);
    return slot.isAfter(now) ? Duration.between(now, slot) : Duration.ZERO;
  }

  private static Duration spacing(NotificationChannel channel) {
    return Duration.ofNanos((long) (1_000_000_000L / channel.maxPerSecond()));
  }
}
