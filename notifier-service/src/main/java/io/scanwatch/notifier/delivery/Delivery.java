package io.scanwatch.notifier.delivery;

import io.scanwatch.contracts.AlertEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert event to one receiver: the unit of work that is stored before its first attempt and
 * retried on its own, so a retry to one receiver never re-sends to another.
 *
 * @param id {@code <eventId>:<receiver>}; a redelivered event maps to the same id
 * @param receiver the {@linkplain NotificationChannel#name() receiver's name}
 * @param alert what to tell the receiver
 * @param state where the delivery is in its life
 * @param attempts attempts started so far, including one that may be running
 * @param createdAt when the delivery was stored
 * @param nextAttemptAt when a pending delivery is due again (the end of a running attempt's lease),
 *     {@code null} once delivered or parked
 * @param lastAttemptAt when the latest attempt started
 * @param statusCode the receiver's answer to the successful attempt, or {@code null}
 * @param failureReason why the latest attempt failed, or {@code null}
 * @param deliveredAt when the receiver accepted the notification, or {@code null}
 */
public record Delivery(
    String id,
    String receiver,
    AlertEvent alert,
    DeliveryState state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer statusCode,
    String failureReason,
    Instant deliveredAt) {

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(state, "state");
  }

  /** The id of the delivery of {@code alert} to {@code receiver}. */
  public static String idOf(AlertEvent alert, String receiver) {
    return alert.eventId() + ":" + receiver;
  }

  /**
   * A delivery whose first attempt starts {@code now}, leased to the caller until {@code
   * leaseUntil}: if the caller dies mid-attempt, the retry poller takes over after the lease.
   */
  public static Delivery firstAttempt(
      AlertEvent alert, String receiver, Instant now, Instant leaseUntil) {
    return new Delivery(
        idOf(alert, receiver),
        receiver,
        alert,
        DeliveryState.PENDING,
        1,
        now,
        leaseUntil,
        now,
        null,
        null,
        null);
  }

  /** This delivery after the receiver accepted it. */
  public Delivery delivered(int statusCode, Instant at) {
    return new Delivery(
        id,
        receiver,
        alert,
        DeliveryState.DELIVERED,
        attempts,
        createdAt,
        null,
        lastAttemptAt,
        statusCode,
        null,
        at);
  }

  /** This delivery after a failed attempt, due again at {@code nextAttempt}. */
  public Delivery retryAt(Instant nextAttempt, String reason) {
    return new Delivery(
        id,
        receiver,
        alert,
        DeliveryState.PENDING,
        attempts,
        createdAt,
        nextAttempt,
        lastAttemptAt,
        null,
        reason,
        null);
  }

  /** This delivery given up for {@code reason}. */
  public Delivery parked(String reason) {
    return new Delivery(
        id,
        receiver,
        alert,
        DeliveryState.PARKED,
        attempts,
        createdAt,
        null,
        lastAttemptAt,
        null,
        reason,
        null);
  }
}
