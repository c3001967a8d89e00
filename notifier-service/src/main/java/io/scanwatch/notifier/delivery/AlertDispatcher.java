package io.scanwatch.notifier.delivery;

import io.scanwatch.contracts.AlertEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fans an alert out to every receiver: stores one delivery per receiver, then makes each its first
 * attempt. A receiver that already has a delivery of the same event is skipped, so a redelivered
 * event never notifies twice.
 */
@Component
public class AlertDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  private final List<NotificationChannel> channels;
  private final DeliveryStore store;
  private final DeliveryAttempts attempts;
  private final DeliveryProperties properties;
  private final Clock clock;

  AlertDispatcher(
      List<NotificationChannel> channels,
      DeliveryStore store,
      DeliveryAttempts attempts,
      DeliveryProperties properties,
      Clock clock) {
    this.channels = List.copyOf(channels);
    this.store = store;
    this.attempts = attempts;
    this.properties = properties;
    this.clock = clock;
    if (channels.isEmpty()) {
      LOG.warn(
          "No receiver is configured, so alerts are not notified: set SLACK_WEBHOOK_URL or"
              + " EMAIL_TO");
    } else {
      LOG.info("Notifying receivers {}", channels.stream().map(NotificationChannel::name).toList());
    }
  }

  /** Delivers {@code alert} to every receiver that has not had it yet. */
  public void dispatch(AlertEvent alert) {
    // Every delivery is stored before any is attempted: if this instance dies while sending to
    // one receiver, the retry poller still finds the others.
    List<Delivery> stored = new ArrayList<>();
    for (NotificationChannel channel : channels) {
      Instant now = clock.instant();
      Delivery delivery =
          Delivery.firstAttempt(
              Notification.of(alert.eventId() + ":" + channel.name(), alert),
              channel.name(),
              now,
              now.plus(properties.lease()));
      if (store.insertIfAbsent(delivery)) {
        stored.add(delivery);
      } else {
        LOG.info(
            "Alert event {} was seen before: delivery {} exists, not sending it again",
            alert.eventId(),
            delivery.id());
      }
    }
    stored.forEach(attempts::attempt);
  }
}
