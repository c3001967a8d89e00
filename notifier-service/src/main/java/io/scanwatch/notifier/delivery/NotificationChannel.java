package io.scanwatch.notifier.delivery;

/**
 * A configured receiver that notifications are delivered to, such as a Slack webhook, a Teams
 * workflow or a list of e-mail recipients. Implementations report every failure as a {@link
 * DeliveryOutcome} rather than by throwing, and never put a secret (URL, token, password) into an
 * outcome's reason.
 */
public interface NotificationChannel {

  /**
   * The receiver's configured name, stable across restarts: it is part of every delivery id and the
   * {@code channel} tag of the delivery metrics.
   */
  String name();

  /** The kind of channel, e.g. {@code slack}, {@code email}, {@code teams}, {@code webhook}. */
  String type();

  /**
   * The most messages per second the receiver takes; further deliveries queue until a slot is free.
   * Zero means no limit.
   */
  double maxPerSecond();

  /** Makes one attempt to hand {@code notification} to the receiver. */
  DeliveryOutcome deliver(Notification notification);
}
