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
   * @param threadRef the receiver's reference to the message, for threading later messages about
   *     the same alert under it (a Slack message {@code ts}), or {@code null}
   */
  record Delivered(int statusCode, String threadRef) implements DeliveryOutcome {

    /** Accepted, with nothing to thread under. */
    public Delivered(int statusCode) {
      this(statusCode, null);
    }
  }

  /**
   * The receiver did not take the notification this time; a later attempt may succeed.
   *
   * @param reason what went wrong, safe to log and store (never a secret URL)
   * @param statusCode the receiver's HTTP status or SMTP reply, or {@code null} when none came
   * @param retryAfter how long the receiver asked us to wait, or {@code null} when it did not say
   */
  record RetryableFailure(String reason, Integer statusCode, Duration retryAfter)
      implements DeliveryOutcome {

    public RetryableFailure {
      Objects.requireNonNull(reason, "reason");
    }

    /** A failure without an answer from the receiver. */
    public RetryableFailure(String reason, Duration retryAfter) {
      this(reason, null, retryAfter);
    }
  }

  /**
   * The receiver refused the notification in a way that repeating it cannot fix.
   *
   * @param reason why, safe to log and store (never a secret URL)
   * @param statusCode the receiver's HTTP status or SMTP reply, or {@code null} when none came
   */
  record PermanentFailure(String reason, Integer statusCode) implements DeliveryOutcome {

    public PermanentFailure {
      Objects.requireNonNull(reason, "reason");
    }

    /** A refusal without a status, such as rejected credentials. */
    public PermanentFailure(String reason) {
      this(reason, null);
    }
  }
}
