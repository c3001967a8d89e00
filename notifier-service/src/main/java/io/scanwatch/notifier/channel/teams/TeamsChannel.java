package io.scanwatch.notifier.channel.teams;

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
 * Posts notifications as Adaptive Cards to a Microsoft Teams Workflows webhook, which answers 202
 * when it took the message. The workflow URL carries its own signature and is a secret: it is never
 * logged and never part of a failure reason or of {@link #toString()}.
 */
public class TeamsChannel implements NotificationChannel, AutoCloseable {

  /** The receiver type. */
  public static final String TYPE = "teams";

  private final String name;
  private final URI workflowUrl;
  private final double maxPerSecond;
  private final ImageLinks links;
  private final JsonPoster poster;

  public TeamsChannel(
      String name,
      URI workflowUrl,
      double maxPerSecond,
      Duration connectTimeout,
      Duration readTimeout,
      ImageLinks links) {
    this.name = Objects.requireNonNull(name, "name");
    this.workflowUrl = Objects.requireNonNull(workflowUrl, "workflowUrl");
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
            .writeValueAsBytes(TeamsCard.render(NotificationText.of(notification, links)));
    return poster.post(workflowUrl, payload, Map.of());
  }

  @Override
  public void close() {
    poster.close();
  }

  @Override
  public String toString() {
    return "TeamsChannel[name=" + name + ", workflowUrl=(secret)]";
  }
}
