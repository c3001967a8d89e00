package io.scanwatch.notifier.delivery;

/** Where a delivery is in its life. */
public enum DeliveryState {
  /** Not delivered yet; an attempt is running or due at {@link Delivery#nextAttemptAt()}. */
  PENDING,
  /** The receiver accepted the notification. */
  DELIVERED,
  /** Given up: the receiver refused it for good, or every attempt failed. */
  PARKED,
  /** Held back by a silence and never attempted. */
  SILENCED
}
