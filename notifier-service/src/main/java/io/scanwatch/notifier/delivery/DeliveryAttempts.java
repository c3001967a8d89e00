package io.scanwatch.notifier.delivery;

import io.micrometer.core.instrument.Timer;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt of one delivery on its receiver's channel and records where that leaves the
 * delivery: delivered, due again after a backoff, or parked.
 */
@Component
class DeliveryAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);

  private final Map<String, NotificationChannel> channels;
  private final DeliveryStore store;
  private final RetrySchedule schedule;
  private final DeliveryMetrics metrics;
  private final Clock clock;

  DeliveryAttempts(
      List<NotificationChannel> channels,
      DeliveryStore store,
      RetrySchedule schedule,
      DeliveryMetrics metrics,
      Clock clock) {
    this.channels =
        channels.stream()
            .collect(Collectors.toUnmodifiableMap(NotificationChannel::name, Function.identity()));
    this.store = store;
    this.schedule = schedule;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Makes attempt number {@link Delivery#attempts()}, which the caller has claimed. */
  void attempt(Delivery delivery) {
    NotificationChannel channel = channels.get(delivery.receiver());
    if (channel == null) {
      record(delivery.parked(null, "receiver " + delivery.receiver() + " is no longer configured"));
      return;
    }
    Timer.Sample timing = metrics.startAttempt();
    DeliveryOutcome outcome = send(channel, delivery.notification());
    Delivery result = resultOf(delivery, outcome);
    metrics.attemptFinished(timing, result);
    record(result);
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
    if (!store.recordAttempt(result, clock.instant())) {
      LOG.warn(
          "Attempt {} of delivery {} outlasted its lease; the attempt that took over records the"
              + " result",
          result.attempts(),
          result.id());
      return;
    }
    switch (result.state()) {
      case DELIVERED ->
          LOG.info(
              "Delivered alert {} to {} (delivery {}, attempt {}, status {})",
              alertIds(result),
              result.receiver(),
              result.id(),
              result.attempts(),
              result.statusCode());
      case PENDING ->
          LOG.warn(
              "Attempt {} of delivery {} failed: {}; next attempt at {}",
              result.attempts(),
              result.id(),
              result.failureReason(),
              result.nextAttemptAt());
      case PARKED ->
          LOG.error(
              "Parked delivery {} of alert {} to {} at attempt {}: {}",
              result.id(),
              alertIds(result),
              result.receiver(),
              result.attempts(),
              result.failureReason());
    }
  }

  private static List<String> alertIds(Delivery delivery) {
    return delivery.notification().alerts().stream().map(AlertEvent::alertId).toList();
  }
}
