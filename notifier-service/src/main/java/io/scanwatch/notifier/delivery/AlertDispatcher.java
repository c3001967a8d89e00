package io.scanwatch.notifier.delivery;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.alertstate.NotifiedAlert;
import io.scanwatch.notifier.alertstate.NotifiedAlerts;
import io.scanwatch.notifier.receiver.Receivers;
import io.scanwatch.notifier.silence.Silence;
import io.scanwatch.notifier.silence.Silences;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a notification to one receiver: records alerts a silence holds back as silenced, stores the
 * delivery of the rest before its first attempt, and makes that attempt at once when the receiver's
 * rate limit allows (else the retry poller makes it when the receiver's slot is free). A
 * notification stored before is not sent again, so a redelivered event never notifies twice.
 */
@Component
public class AlertDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  private final Receivers receivers;
  private final DeliveryStore store;
  private final DeliveryAttempts attempts;
  private final Silences silences;
  private final NotifiedAlerts notifiedAlerts;
  private final DeliveryMetrics metrics;
  private final DeliveryProperties properties;
  private final Clock clock;

  AlertDispatcher(
      Receivers receivers,
      DeliveryStore store,
      DeliveryAttempts attempts,
      Silences silences,
      NotifiedAlerts notifiedAlerts,
      DeliveryMetrics metrics,
      DeliveryProperties properties,
      Clock clock) {
    this.receivers = receivers;
    this.store = store;
    this.attempts = attempts;
    this.silences = silences;
    this.notifiedAlerts = notifiedAlerts;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
  }

  /** Delivers {@code notification} to {@code receiver} unless it was delivered before. */
  public void send(Notification notification, String receiver) {
    Instant now = clock.instant();
    List<Silence> active = silences.activeAt(now);
    var kept = new ArrayList<AlertEvent>();
    var held = new ArrayList<AlertEvent>();
    Set<String> holding = new LinkedHashSet<>();
    for (AlertEvent alert : notification.alerts()) {
      Optional<Silence> silence = Silences.holding(active, alert);
      silence.ifPresentOrElse(
          match -> {
            held.add(alert);
            holding.add(match.id());
          },
          () -> kept.add(alert));
    }
    if (!held.isEmpty()) {
      String id = kept.isEmpty() ? notification.id() : notification.id() + "/silenced";
      var silenced =
          Delivery.silenced(
              new Notification(id, notification.kind(), held, null),
              receiver,
              now,
              "silenced by " + String.join(", ", holding));
      if (store.insertIfAbsent(silenced)) {
        metrics.silenced(receiver);
        LOG.info(
            "Held back {} alert(s) to {} (delivery {}): {}",
            held.size(),
            receiver,
            id,
            silenced.failureReason());
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    var toSend =
        new Notification(notification.id(), notification.kind(), kept, threadOf(kept, receiver));
    deliver(toSend, receiver, now);
  }

  /**
   * Sends a test message with {@code sample} to {@code receiver} at once, past silences and queues,
   * and returns the delivery as its first attempt left it.
   */
  public Optional<Delivery> sendTest(String receiver, AlertEvent sample) {
    if (receivers.find(receiver).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    var notification =
        new Notification(
            "test:" + sample.eventId() + ":" + receiver,
            NotificationKind.TEST,
            List.of(sample),
            null);
    Delivery delivery =
        Delivery.firstAttempt(notification, receiver, now, now.plus(properties.lease()));
    store.insertIfAbsent(delivery);
    attempts.attempt(delivery);
    return store.find(delivery.id());
  }

  private void deliver(Notification notification, String receiver, Instant now) {
    Optional<Instant> busyUntil =
        receivers.find(receiver).map(channel -> attempts.slotTakenUntil(channel, now));
    if (busyUntil.isPresent()) {
      // The receiver's rate limit is used up: the poller sends it when the next slot is free.
      if (store.insertIfAbsent(Delivery.queued(notification, receiver, now, busyUntil.get()))) {
        LOG.info(
            "Delivery {} to {} waits for the receiver's rate limit until {}",
            notification.id(),
            receiver,
            busyUntil.get());
      }
      return;
    }
    Delivery delivery =
        Delivery.firstAttempt(notification, receiver, now, now.plus(properties.lease()));
    if (store.insertIfAbsent(delivery)) {
      attempts.attempt(delivery);
    } else {
      LOG.info(
          "Delivery {} exists: the notification was sent before, not sending it again",
          delivery.id());
    }
  }

  /** Where a message about one alert threads on the receiver, if it started a thread. */
  private String threadOf(List<AlertEvent> alerts, String receiver) {
    if (alerts.size() != 1) {
      return null;
    }
    return notifiedAlerts
        .find(alerts.getFirst().alertId(), receiver)
        .map(NotifiedAlert::threadRef)
        .orElse(null);
  }
}
