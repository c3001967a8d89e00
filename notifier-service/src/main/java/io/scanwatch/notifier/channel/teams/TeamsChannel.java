package io.scanwatch.notifier.channel.teams;

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
 * Posts notifications as Adaptive Cards to a Microsoft Teams Workflows webhook, which answers 202
 * when it took the message. The workflow URL carries its own signature and is a secret: it is never
 * logged and never part of a failure reason or of {@link #toString()}.
 */
public class TeamsChannel extends HttpChannel {

  /** The receiver type. */
  public static final String TYPE = "teams";

  private final URI workflowUrl;
  private final ImageLinks links;

  public TeamsChannel(
      String name,
      URI workflowUrl,
      double maxPerSecond,
      Duration connectTimeout,
      Duration readTimeout,
      ImageLinks links) {
    super(name, maxPerSecond, connectTimeout, readTimeout);
    this.workflowUrl = Objects.requireNonNull(workflowUrl, "workflowUrl");
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
            .writeValueAsBytes(TeamsCard.render(NotificationText.of(notification, links)));
    return poster().post(workflowUrl, payload, Map.of());
  }

  @Override
  public String toString() {
    return "TeamsChannel[name=" + name() + ", workflowUrl=(secret)]";
  }
}
