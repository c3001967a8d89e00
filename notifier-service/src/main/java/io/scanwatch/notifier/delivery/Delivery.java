package io.scanwatch.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One notification to one receiver: the unit of work that is stored before its first attempt and
 * retried on its own, so a retry to one receiver never re-sends to another.
 *
 * @param id the notification's id; a redelivered alert event maps to the same id
 * @param receiver the {@linkplain NotificationChannel#name() receiver's name}
 * @param notification what to tell the receiver
 * @param state where the delivery is in its life
 * @param attempts attempts started so far, including one that may be running
 * @param createdAt when the delivery was stored
 * @param nextAttemptAt when a pending delivery is due again (the end of a running attempt's lease),
 *     {@code null} once it is finished
 * @param lastAttemptAt when the latest attempt started
 * @param statusCode the receiver's answer to the successful attempt, or {@code null}
 * @param failureReason why the latest attempt failed, or why the delivery was silenced; else {@code
 *     null}
 * @param deliveredAt when the receiver accepted the notification, or {@code null}
 * @param threadRef the receiver's reference to the delivered message, or {@code null}
 * @param history every finished attempt, oldest first
 */
public record Delivery(
    String id,
    String receiver,
    Notification notification,
    DeliveryState state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer statusCode,
    String failureReason,
    Instant deliveredAt,
    String threadRef,
    List<DeliveryAttempt> history) {

  public Delivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(state, "state");
    history = history == null ? List.of() : List.copyOf(history);
  }

  /**
   * A delivery whose first attempt starts {@code now}, leased to the caller until {@code
   * leaseUntil}: if the caller dies mid-attempt, the retry poller takes over after the lease.
   */
  public static Delivery firstAttempt(
      Notification notification, String receiver, Instant now, Instant leaseUntil) {
    return new Delivery(
        notification.id(),
        receiver,
        notification,
        DeliveryState.PENDING,
        1,
        now,
        leaseUntil,
        now,
        null,
        null,
        null,
        null,
        List.of());
  }

  /**
   * A delivery waiting for its receiver's next free slot at {@code dueAt}; the retry poller makes
   * its first attempt.
   */
  public static Delivery queued(
      Notification notification, String receiver, Instant now, Instant dueAt) {
    return new Delivery(
        notification.id(),
        receiver,
        notification,
        DeliveryState.PENDING,
        0,
        now,
        dueAt,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  /** A delivery that is not attempted because {@code reason} (a silence) holds it back. */
  public static Delivery silenced(
      Notification notification, String receiver, Instant now, String reason) {
    return new Delivery(
        notification.id(),
        receiver,
        notification,
        DeliveryState.SILENCED,
        0,
        now,
        null,
        null,
        null,
        reason,
        null,
        null,
        List.of());
  }

  /** This delivery after the receiver accepted it. */
  public Delivery delivered(int statusCode, String threadRef, Instant at) {
    return new Delivery(
        id,
        receiver,
        notification,
        DeliveryState.DELIVERED,
        attempts,
        createdAt,
        null,
        lastAttemptAt,
        statusCode,
        null,
        at,
        threadRef,
        history);
  }

  /** This delivery after a failed attempt, due again at {@code nextAttempt}. */
  public Delivery retryAt(Instant nextAttempt, Integer statusCode, String reason) {
    return new Delivery(
        id,
        receiver,
        notification,
        DeliveryState.PENDING,
        attempts,
        createdAt,
        nextAttempt,
        lastAttemptAt,
        statusCode,
        reason,
        null,
        null,
        history);
  }

  /** This delivery given up for {@code reason}. */
  public Delivery parked(Integer statusCode, String reason) {
    return new Delivery(
        id,
        receiver,
        notification,
        DeliveryState.PARKED,
        attempts,
        createdAt,
        null,
        lastAttemptAt,
        statusCode,
        reason,
        null,
        null,
        history);
  }

  /** The attempt this delivery's latest state records, for its history. */
  public DeliveryAttempt latestAttempt(Instant finishedAt) {
    return new DeliveryAttempt(
        attempts, lastAttemptAt, finishedAt, state, statusCode, failureReason);
  }
}
