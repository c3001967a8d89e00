package io.scanwatch.notifier.delivery;

import io.scanwatch.contracts.AlertEvent;
import java.util.List;
import java.util.Objects;

/**
 * What one message to one receiver says: a single alert event, or several that their route grouped
 * because they fired within its group wait.
 *
 * @param id the delivery's id, stable across attempts: receivers that take an idempotency key get
 *     it, so a retried message is recognised as the same message
 * @param kind why the message is sent
 * @param alerts the alert events it reports, at least one, in the order they arrived
 * @param threadRef the receiver's reference to its first message about the alert (a Slack message
 *     {@code ts}), so updates thread under it; {@code null} when there is none or the message
 *     groups several alerts
 */
public record Notification(
    String id, NotificationKind kind, List<AlertEvent> alerts, String threadRef) {

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    alerts = List.copyOf(alerts);
    if (alerts.isEmpty()) {
      throw new IllegalArgumentException("a notification reports at least one alert");
    }
  }

  /** A message about one alert event, not threaded. */
  public static Notification of(String id, AlertEvent alert) {
    return new Notification(id, NotificationKind.ALERT, List.of(alert), null);
  }

  /** The first alert event, which a single-alert message is about. */
  public AlertEvent first() {
    return alerts.getFirst();
  }

  /** Whether the message groups several alert events. */
  public boolean grouped() {
    return alerts.size() > 1;
  }
}
