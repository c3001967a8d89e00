package io.scanwatch.notifier.delivery;

import java.time.Duration;
import java.util.Objects;

/** What one attempt to hand a notification to a receiver came to. */
public sealed interface DeliveryOutcome
    permits DeliveryOutcome.Delivered,
        DeliveryOutcome.RetryableFailure,
        DeliveryOutcome.PermanentFailure {

  /**
   * The receiver accepted the notification.
   *
   * @param statusCode the receiver's answer: the HTTP status, or the SMTP reply code
   */
  record Delivered(int statusCode) implements DeliveryOutcome {}

  /**
   * The receiver did not take the notification this time; a later attempt may succeed.
   *
   * @param reason what went wrong, safe to log and store (never a secret URL)
   * @param retryAfter how long the receiver asked us to wait, or {@code null} when it did not say
   */
  record RetryableFailure(String reason, Duration retryAfter) implements DeliveryOutcome {

    public RetryableFailure {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The receiver refused the notification in a way that repeating it cannot fix.
   *
   * @param reason why, safe to log and store (never a secret URL)
   */
  record PermanentFailure(String reason) implements DeliveryOutcome {

    public PermanentFailure {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
