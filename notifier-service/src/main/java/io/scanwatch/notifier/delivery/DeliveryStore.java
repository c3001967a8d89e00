package io.scanwatch.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where deliveries are kept. Every operation is a single-document atomic write, so several
 * instances can share the store without transactions.
 */
public interface DeliveryStore {

  /**
   * Stores a new delivery.
   *
   * @return {@code false} when a delivery with the same id already exists: the notification was
   *     stored before and must not be sent again
   */
  boolean insertIfAbsent(Delivery delivery);

  /**
   * Claims the pending delivery that has been due longest: counts a new attempt and leases the
   * delivery until {@code leaseUntil}, in one atomic update, so no other poller claims it
   * meanwhile.
   */
  Optional<Delivery> claimNextDue(Instant now, Instant leaseUntil);

  /**
   * Records the result of attempt number {@link Delivery#attempts()}, finished at {@code
   * finishedAt}, and adds it to the delivery's history.
   *
   * @return {@code false} when that attempt's lease expired and a later attempt has claimed the
   *     delivery; the later attempt records its own result
   */
  boolean recordAttempt(Delivery delivery, Instant finishedAt);

  /** The delivery with {@code id}. */
  Optional<Delivery> find(String id);

  /** The deliveries {@code query} asks for, newest first. */
  List<Delivery> search(DeliveryQuery query);
}
