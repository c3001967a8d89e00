package io.scanwatch.notifier.delivery;

import io.micrometer.core.instrument.Timer;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.alertstate.NotifiedAlerts;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.receiver.Receivers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt of one delivery on its receiver's channel and records where that leaves the
 * delivery: delivered, due again after a backoff, or parked (and published to the dead-letter
 * topic). Every attempt keeps to its receiver's rate limit.
 */
@Component
class DeliveryAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);
  private static final Duration RECORD_RETRY_FIRST_WAIT = Duration.ofMillis(100);
  private static final Duration RECORD_RETRY_MAX_WAIT = Duration.ofSeconds(2);

  private final Receivers receivers;
  private final DeliveryStore store;
  private final RetrySchedule schedule;
  private final DeliveryMetrics metrics;
  private final NotifiedAlerts notifiedAlerts;
  private final ParkedDeliveries parked;
  private final Clock clock;
  private final ReceiverRateLimiter rateLimiter = new ReceiverRateLimiter();

  DeliveryAttempts(
      Receivers receivers,
      DeliveryStore store,
      RetrySchedule schedule,
      DeliveryMetrics metrics,
      NotifiedAlerts notifiedAlerts,
      ParkedDeliveries parked,
      Clock clock) {
    this.receivers = receivers;
    this.store = store;
    this.schedule = schedule;
    this.metrics = metrics;
    this.notifiedAlerts = notifiedAlerts;
    this.parked = parked;
    this.clock = clock;
  }

  /**
   * Takes {@code channel}'s rate-limit slot for an attempt now.
   *
   * @return {@code null} when the slot was free and is now taken, else when the next one is
   */
  Instant slotTakenUntil(NotificationChannel channel, Instant now) {
    return rateLimiter.tryAcquire(channel, now);
  }

  /**
   * Makes attempt number {@link Delivery#attempts()}, which the caller has claimed, once the
   * receiver's next slot is free; only the retry poller's thread waits for it.
   */
  void attemptInTurn(Delivery delivery) {
    receivers
        .find(delivery.receiver())
        .map(channel -> rateLimiter.reserve(channel, clock.instant()))
        .filter(Duration::isPositive)
        .ifPresent(DeliveryAttempts::sleep);
    attempt(delivery);
  }

  /** Makes attempt number {@link Delivery#attempts()}, which the caller has claimed. */
  void attempt(Delivery delivery) {
    NotificationChannel channel = receivers.find(delivery.receiver()).orElse(null);
    if (channel == null) {
      record(delivery.parked(null, "receiver " + delivery.receiver() + " is no longer configured"));
      return;
    }
    Timer.Sample timing = metrics.startAttempt();
    DeliveryOutcome outcome = send(channel, delivery.notification());
    Delivery result = resultOf(delivery, outcome);
    metrics.attemptFinished(timing, result);
    record(result, delivery.nextAttemptAt());
  }

  private DeliveryOutcome send(NotificationChannel channel, Notification notification) {
    try {
      return channel.deliver(notification);
    } catch (RuntimeException e) {
      // Channels report failures as outcomes; an exception is a defect, and the delivery must
      // survive it to be retried once the defect is fixed.
      LOG.error("Channel {} failed unexpectedly", channel.name(), e);
      return new RetryableFailure("unexpected " + e.getClass().getSimpleName(), null);
    }
  }

  private Delivery resultOf(Delivery delivery, DeliveryOutcome outcome) {
    Instant now = clock.instant();
    return switch (outcome) {
      case Delivered delivered ->
          delivery.delivered(delivered.statusCode(), delivered.threadRef(), now);
      case PermanentFailure failure -> delivery.parked(failure.statusCode(), failure.reason());
      case RetryableFailure failure when schedule.exhausted(delivery.attempts()) ->
          delivery.parked(
              failure.statusCode(),
              "gave up after " + delivery.attempts() + " attempts; last: " + failure.reason());
      case RetryableFailure failure ->
          delivery.retryAt(
              schedule.nextAttemptAt(delivery.attempts(), failure.retryAfter(), now),
              failure.statusCode(),
              failure.reason());
    };
  }

  private void record(Delivery result) {
    record(result, clock.instant());
  }

  /**
   * Records the result of an attempt that holds its lease until {@code leaseUntil}. While the store
   * is unavailable the result is kept and recorded again until the lease runs out: a message the
   * receiver accepted but the store never heard of would be sent a second time after the lease.
   */
  private void record(Delivery result, Instant leaseUntil) {
    if (!recordWithinLease(result, leaseUntil)) {
      LOG.warn(
          "Attempt {} of delivery {} outlasted its lease; the attempt that took over records the"
              + " result",
          result.attempts(),
          result.id());
      return;
    }
    switch (result.state()) {
      case DELIVERED -> {
        LOG.info(
            "Delivered alert(s) {} to {} (delivery {}, attempt {}, status {})",
            alertIds(result),
            result.receiver(),
            result.id(),
            result.attempts(),
            result.statusCode());
        List<AlertEvent> alerts = result.notification().alerts();
        if (result.threadRef() != null && alerts.size() == 1) {
          notifiedAlerts.threadStarted(
              alerts.getFirst().alertId(), result.receiver(), result.threadRef());
        }
      }
      case PENDING ->
          LOG.warn(
              "Attempt {} of delivery {} failed: {}; next attempt at {}",
              result.attempts(),
              result.id(),
              result.failureReason(),
              result.nextAttemptAt());
      case PARKED -> {
        LOG.error(
            "Parked delivery {} of alert(s) {} to {} at attempt {}: {}",
            result.id(),
            alertIds(result),
            result.receiver(),
            result.attempts(),
            result.failureReason());
        parked.publish(result);
      }
      case SILENCED -> throw new IllegalStateException("an attempt never silences a delivery");
    }
  }

  private boolean recordWithinLease(Delivery result, Instant leaseUntil) {
    // Waits are counted as well as read off the clock, which may stand still (tests).
    Duration left = Duration.between(clock.instant(), leaseUntil);
    Duration wait = RECORD_RETRY_FIRST_WAIT;
    while (true) {
      try {
        return store.recordAttempt(result, clock.instant());
      } catch (RuntimeException e) {
        if (wait.compareTo(left) >= 0
            || !clock.instant().plus(wait).isBefore(leaseUntil)
            || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOG.warn(
            "Cannot record attempt {} of delivery {} yet ({}); trying again in {} ms",
            result.attempts(),
            result.id(),
            e.getClass().getSimpleName(),
            wait.toMillis());
        sleep(wait);
        left = left.minus(wait);
        wait =
            wait.multipliedBy(2).compareTo(RECORD_RETRY_MAX_WAIT) > 0
                ? RECORD_RETRY_MAX_WAIT
                : wait.multipliedBy(2);
      }
    }
  }

  private static List<String> alertIds(Delivery delivery) {
    return delivery.notification().alerts().stream().map(AlertEvent::alertId).toList();
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
