package io.scanwatch.notifier.delivery;

/** Why a notification is sent; channels say so in the message. */
public enum NotificationKind {
  /** Alert events as they happened: firing, updated, escalated, resolved. */
  ALERT,
  /** A reminder that alerts are still open after their route's repeat interval. */
  REPEAT,
  /** A test message an operator asked for, with a sample alert. */
  TEST
}
