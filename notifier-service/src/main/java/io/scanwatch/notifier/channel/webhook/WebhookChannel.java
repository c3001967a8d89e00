package io.scanwatch.notifier.channel.webhook;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.notifier.channel.HttpChannel;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.Notification;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts notifications as JSON of a stable schema, {@value #SCHEMA}, to any HTTP endpoint:
 *
 * <pre>{@code
 * {"schema": "scanwatch.notification.v1", "id": "<delivery id>", "kind": "ALERT|REPEAT|TEST",
 *  "alerts": [<AlertEvent as on scanwatch.alerts.v1>, ...]}
 * }</pre>
 *
 * with {@code Idempotency-Key: <id>} (the same on every attempt), and signed: {@link
 * WebhookSignature}. The URL and the secret are never logged, never part of a failure reason or of
 * {@link #toString()}.
 */
public class WebhookChannel extends HttpChannel {

  /** The receiver type. */
  public static final String TYPE = "webhook";

  /** The payload's {@code schema}; a change that breaks a reader gets a new version. */
  public static final String SCHEMA = "scanwatch.notification.v1";

  private final URI url;
  private final String secret;
  private final Clock clock;

  public WebhookChannel(
      String name,
      URI url,
      String secret,
      double maxPerSecond,
      Duration connectTimeout,
      Duration readTimeout,
      Clock clock) {
    super(name, maxPerSecond, connectTimeout, readTimeout);
    this.url = Objects.requireNonNull(url, "url");
    this.secret = Objects.requireNonNull(secret, "secret");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    byte[] body = payload(notification);
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    return poster()
        .post(
            url,
            body,
            Map.of(
                "Idempotency-Key",
                notification.id(),
                WebhookSignature.TIMESTAMP_HEADER,
                timestamp,
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(secret, timestamp, body)));
  }

  /** The body for {@code notification}. */
  static byte[] payload(Notification notification) {
    var json = EventJson.mapper();
    ObjectNode payload = json.createObjectNode();
    payload.put("schema", SCHEMA);
    payload.put("id", notification.id());
    payload.put("kind", notification.kind().name());
    ArrayNode alerts = payload.putArray("alerts");
    notification.alerts().forEach(alert -> alerts.add(json.valueToTree(alert)));
    return json.writeValueAsBytes(payload);
  }

  @Override
  public String toString() {
    return "WebhookChannel[name=" + name() + ", url=(secret), secret=(secret)]";
  }
}
