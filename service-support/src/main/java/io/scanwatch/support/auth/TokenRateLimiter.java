package io.scanwatch.support.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per credential: each token may make {@code perSecond} requests a second on average
 * and {@code burst} at once. The buckets are keyed by the token's principal, so there are as many
 * as there are configured tokens.
 */
public final class TokenRateLimiter {

  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perSecond requests a second a token earns; must be positive
   * @param burst requests a token may make at once; at least 1
   */
  public TokenRateLimiter(double perSecond, int burst, Clock clock) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException(
          "a rate limit needs a positive rate and a burst of at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
  }

  /**
   * Takes one request from {@code principal}'s bucket.
   *
   * @return empty when the request may go ahead, else how long until one may
   */
  public Optional<Duration> acquire(String principal) {
    long nowNanos = clock.millis() * 1_000_000L;
    Bucket bucket = buckets.computeIfAbsent(principal, key -> new Bucket(burst, nowNanos));
    synchronized (bucket) {
      double elapsedSeconds = Math.max(0, nowNanos - bucket.updatedAt) / 1e9;
      bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * perSecond);
      bucket.updatedAt = nowNanos;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Optional.empty();
      }
      double missing = 1 - bucket.tokens;
      return Optional.of(Duration.ofNanos((long) Math.ceil(missing / perSecond * 1e9)));
    }
  }

  private static final class Bucket {
    private double tokens;
    private long updatedAt;

    private Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }
  }
}
