package io.scanwatch.notifier.channel.slack;

import io.scanwatch.notifier.channel.HttpChannel;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.NotificationText;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.Notification;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts notifications to a Slack incoming webhook. The webhook URL is a secret: it is never logged
 * and never part of a failure reason or of {@link #toString()}.
 */
public class SlackChannel extends HttpChannel {

  /** The receiver type. */
  public static final String TYPE = "slack";

  private final URI webhookUrl;
  private final ImageLinks links;

  public SlackChannel(
      String name,
      URI webhookUrl,
      double maxPerSecond,
      Duration connectTimeout,
      Duration readTimeout,
      ImageLinks links) {
    super(name, maxPerSecond, connectTimeout, readTimeout);
    this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
    this.links = Objects.requireNonNull(links, "links");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    byte[] payload =
        JsonMapper.shared()
            .writeValueAsBytes(SlackMessage.render(NotificationText.of(notification, links)));
    // An incoming webhook answers 200 "ok"; its errors are 4xx with a word such as
    // "invalid_blocks" or "channel_is_archived", which the outcome keeps.
    return poster().post(webhookUrl, payload, Map.of());
  }

  @Override
  public String toString() {
    return "SlackChannel[name=" + name() + ", webhookUrl=(secret)]";
  }
}
