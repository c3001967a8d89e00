package io.scanwatch.notifier.grouping;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where alerts wait for their group. A group goes out in three single-document steps that are each
 * safe to repeat, so no transaction is needed and a crash between them loses nothing: its alerts
 * are claimed under the id of the delivery that will carry them, the delivery is stored under that
 * id, and the alerts are marked sent.
 */
public interface AlertQueue {

  /**
   * Queues {@code alert} unless it was queued before.
   *
   * @return {@code false} when an alert with the same id is queued or was sent: a redelivered event
   */
  boolean enqueue(QueuedAlert alert);

  /** When the waiting group {@code groupKey} of {@code receiver} goes out, if one is waiting. */
  Optional<Instant> flushTimeOf(String receiver, String groupKey);

  /**
   * A group that is due: one whose wait ended at or before {@code now}, or one whose claim ran out
   * because the instance that claimed it stopped.
   */
  Optional<DueGroup> nextDue(Instant now);

  /**
   * Claims every waiting alert of the group for the delivery {@code deliveryId}, until {@code
   * claimedUntil}, and returns them in arrival order.
   */
  List<QueuedAlert> claim(DueGroup group, String deliveryId, Instant now, Instant claimedUntil);

  /** The alerts claimed for {@code deliveryId}, in arrival order. */
  List<QueuedAlert> claimedBy(String deliveryId);

  /** Marks the alerts claimed for {@code deliveryId} as sent. */
  void sent(String deliveryId);

  /**
   * A group with alerts due to go out.
   *
   * @param receiver the receiver
   * @param groupKey the group
   * @param staleClaim the delivery id of a claim that ran out, or {@code null} when the group's
   *     wait ended and nothing claimed it yet
   */
  record DueGroup(String receiver, String groupKey, String staleClaim) {}
}
