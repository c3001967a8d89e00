package io.scanwatch.notifier.delivery;

import io.scanwatch.contracts.AlertEvent;

/**
 * A receiver that notifications are delivered to, such as a Slack webhook or a list of e-mail
 * recipients. Implementations report every failure as a {@link DeliveryOutcome} rather than by
 * throwing.
 */
public interface NotificationChannel {

  /**
   * The receiver's name, stable across restarts: it is part of every delivery id and the {@code
   * channel} tag of the delivery metrics.
   */
  String name();

  /** Makes one attempt to hand the notification for {@code alert} to the receiver. */
  DeliveryOutcome deliver(AlertEvent alert);
}
