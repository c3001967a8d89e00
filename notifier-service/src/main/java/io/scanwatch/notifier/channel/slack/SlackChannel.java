package io.scanwatch.notifier.channel.slack;

import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.JsonPoster;
import io.scanwatch.notifier.channel.NotificationText;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts notifications to a Slack incoming webhook. The webhook URL is a secret: it is never logged
 * and never part of a failure reason or of {@link #toString()}.
 */
public class SlackChannel implements NotificationChannel, AutoCloseable {

  /** The receiver type. */
  public static final String TYPE = "slack";

  private final String name;
  private final URI webhookUrl;
  private final double maxPerSecond;
  private final ImageLinks links;
  private final JsonPoster poster;

  public SlackChannel(
      String name,
      URI webhookUrl,
      double maxPerSecond,
      Duration connectTimeout,
      Duration readTimeout,
      ImageLinks links) {
    this.name = Objects.requireNonNull(name, "name");
    this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
    this.maxPerSecond = maxPerSecond;
    this.links = Objects.requireNonNull(links, "links");
    this.poster = new JsonPoster(connectTimeout, readTimeout);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public double maxPerSecond() {
    return maxPerSecond;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    byte[] payload =
        JsonMapper.shared()
            .writeValueAsBytes(SlackMessage.render(NotificationText.of(notification, links)));
    // An incoming webhook answers 200 "ok"; its errors are 4xx with a word such as
    // "invalid_blocks" or "channel_is_archived", which the outcome keeps.
    return poster.post(webhookUrl, payload, Map.of());
  }

  @Override
  public void close() {
    poster.close();
  }

  @Override
  public String toString() {
    return "SlackChannel[name=" + name + ", webhookUrl=(secret)]";
  }
}
