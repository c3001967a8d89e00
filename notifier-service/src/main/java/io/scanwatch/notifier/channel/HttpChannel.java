package io.scanwatch.notifier.channel;

import io.scanwatch.notifier.delivery.NotificationChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * What every channel that posts JSON over HTTP shares: the receiver's name and rate limit, and the
 * HTTP client it owns and closes.
 */
public abstract class HttpChannel implements NotificationChannel, AutoCloseable {

  private final String name;
  private final double maxPerSecond;
  private final JsonPoster poster;

  protected HttpChannel(
      String name, double maxPerSecond, Duration connectTimeout, Duration readTimeout) {
    this.name = Objects.requireNonNull(name, "name");
    this.maxPerSecond = maxPerSecond;
    this.poster = new JsonPoster(connectTimeout, readTimeout);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final double maxPerSecond() {
    return maxPerSecond;
  }

  /** The client that posts this channel's messages. */
  protected final JsonPoster poster() {
    return poster;
  }

  @Override
  public void close() {
    poster.close();
  }
}
