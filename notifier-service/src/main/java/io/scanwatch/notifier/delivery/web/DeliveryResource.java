package io.scanwatch.notifier.delivery.web;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.delivery.Delivery;
import io.scanwatch.notifier.delivery.DeliveryAttempt;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A delivery as the history shows it: what it carried (alert ids, states, images, not the whole
 * events), where it is, and every attempt. Nothing about the receiver but its name.
 */
record DeliveryResource(
    String id,
    String receiver,
    String kind,
    String outcome,
    List<AlertSummary> alerts,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant deliveredAt,
    Integer statusCode,
    String reason,
    List<Attempt> history) {

  record AlertSummary(String alertId, String state, String priority, String image) {}

  record Attempt(
      int number,
      Instant startedAt,
      Instant finishedAt,
      String result,
      Integer statusCode,
      String error) {}

  static DeliveryResource of(Delivery delivery) {
    return new DeliveryResource(
        delivery.id(),
        delivery.receiver(),
        lower(delivery.notification().kind().name()),
        lower(delivery.state().name()),
        delivery.notification().alerts().stream().map(DeliveryResource::summary).toList(),
        delivery.attempts(),
        delivery.createdAt(),
        delivery.nextAttemptAt(),
        delivery.deliveredAt(),
        delivery.statusCode(),
        delivery.failureReason(),
        delivery.history().stream().map(DeliveryResource::attempt).toList());
  }

  private static AlertSummary summary(AlertEvent alert) {
    return new AlertSummary(
        alert.alertId(),
        alert.state().name(),
        alert.priority().name(),
        alert.image().displayName());
  }

  private static Attempt attempt(DeliveryAttempt attempt) {
    return new Attempt(
        attempt.number(),
        attempt.startedAt(),
        attempt.finishedAt(),
        lower(attempt.result().name()),
        attempt.statusCode(),
        attempt.error());
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
