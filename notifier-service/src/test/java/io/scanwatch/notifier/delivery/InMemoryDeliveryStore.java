package io.scanwatch.notifier.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's semantics in a map, for tests of the use cases; it passes the same contract. */
final class InMemoryDeliveryStore implements DeliveryStore {

  private final Map<String, Delivery> deliveries = new HashMap<>();
  private int unavailableRecords;

  /** The next {@code count} results fail to record, as they would while the store is down. */
  synchronized void failNextRecords(int count) {
    unavailableRecords = count;
  }

  @Override
  public synchronized boolean insertIfAbsent(Delivery delivery) {
    return deliveries.putIfAbsent(delivery.id(), delivery) == null;
  }

  @Override
  public synchronized Optional<Delivery> claimNextDue(Instant now, Instant leaseUntil) {
    Optional<Delivery> due =
        deliveries.values().stream()
            .filter(delivery -> delivery.state() == DeliveryState.PENDING)
            .filter(delivery -> !delivery.nextAttemptAt().isAfter(now))
            .min(Comparator.comparing(Delivery::nextAttemptAt))
            .map(
                delivery ->
                    new Delivery(
                        delivery.id(),
                        delivery.receiver(),
                        delivery.notification(),
                        delivery.state(),
                        delivery.attempts() + 1,
                        delivery.createdAt(),
                        leaseUntil,
                        now,
                        delivery.statusCode(),
                        delivery.failureReason(),
                        delivery.deliveredAt(),
                        delivery.threadRef(),
                        delivery.history()));
    due.ifPresent(claimed -> deliveries.put(claimed.id(), claimed));
    return due;
  }

  @Override
  public synchronized boolean recordAttempt(Delivery delivery, Instant finishedAt) {
    if (unavailableRecords > 0) {
      unavailableRecords--;
      throw new IllegalStateException("store unavailable");
    }
    Delivery stored = deliveries.get(delivery.id());
    if (stored == null
        || stored.state() != DeliveryState.PENDING
        || stored.attempts() != delivery.attempts()) {
      return false;
    }
    var history = new ArrayList<>(stored.history());
    history.add(delivery.latestAttempt(finishedAt));
    deliveries.put(
        delivery.id(),
        new Delivery(
            delivery.id(),
            delivery.receiver(),
            delivery.notification(),
            delivery.state(),
            delivery.attempts(),
            delivery.createdAt(),
            delivery.nextAttemptAt(),
            delivery.lastAttemptAt(),
            delivery.statusCode(),
            delivery.failureReason(),
            delivery.deliveredAt(),
            delivery.threadRef(),
            history));
    return true;
  }

  @Override
  public synchronized Optional<Delivery> find(String id) {
    return Optional.ofNullable(deliveries.get(id));
  }

  @Override
  public synchronized List<Delivery> search(DeliveryQuery query) {
    return deliveries.values().stream()
        .filter(
            delivery ->
                query.alertId() == null
                    || delivery.notification().alerts().stream()
                        .anyMatch(alert -> alert.alertId().equals(query.alertId())))
        .filter(
            delivery -> query.receiver() == null || delivery.receiver().equals(query.receiver()))
        .filter(delivery -> query.state() == null || delivery.state() == query.state())
        .sorted(Comparator.comparing(Delivery::createdAt).reversed())
        .limit(query.limit())
        .toList();
  }
}
