package io.scanwatch.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.receiver.Receivers;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Delivery metrics, tagged only by channel and outcome so the label set stays small: {@code
 * scanwatch_deliveries_total}, {@code scanwatch_delivery_attempt_duration_seconds} and the end to
 * end {@code scanwatch_notification_latency_seconds}.
 */
@Component
class DeliveryMetrics {

  static final String DELIVERIES = "scanwatch.deliveries";
  static final String ATTEMPT_DURATION = "scanwatch.delivery.attempt.duration";
  static final String NOTIFICATION_LATENCY = "scanwatch.notification.latency";

  private final MeterRegistry registry;

  DeliveryMetrics(MeterRegistry registry, Receivers receivers) {
    this.registry = registry;
    // Series that exist from the start let rate() and alert rules see the first delivery.
    for (String receiver : receivers.names()) {
      for (DeliveryState state : DeliveryState.values()) {
        deliveries(receiver, state);
        if (state != DeliveryState.SILENCED) {
          attemptDuration(receiver, state);
        }
      }
      notificationLatency(receiver);
    }
  }

  /** Starts timing an attempt. */
  Timer.Sample startAttempt() {
    return Timer.start(registry);
  }

  /** Counts a delivery a silence held back. */
  void silenced(String receiver) {
    deliveries(receiver, DeliveryState.SILENCED).increment();
  }

  /** Counts and times the attempt that left {@code result} behind. */
  void attemptFinished(Timer.Sample attempt, Delivery result) {
    deliveries(result.receiver(), result.state()).increment();
    attempt.stop(attemptDuration(result.receiver(), result.state()));
    if (result.state() == DeliveryState.DELIVERED) {
      for (AlertEvent alert : result.notification().alerts()) {
        if (alert.inputReceivedAt() != null) {
          recordNotificationLatency(
              result.receiver(), Duration.between(alert.inputReceivedAt(), result.deliveredAt()));
        }
      }
    }
  }

  private void recordNotificationLatency(String channel, Duration latency) {
    // The report was received on another host, whose clock may be ahead of ours.
    if (latency.isNegative()) {
      return;
    }
    notificationLatency(channel).record(latency);
  }

  private Timer attemptDuration(String channel, DeliveryState state) {
    return Timer.builder(ATTEMPT_DURATION)
        .description("Time one delivery attempt took, until the receiver answered or failed")
        .tags("channel", channel, "outcome", outcome(state))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(1))
        .register(registry);
  }

  private Timer notificationLatency(String channel) {
    return Timer.builder(NOTIFICATION_LATENCY)
        .description("From the report reaching Scanwatch to the receiver accepting the alert")
        .tags("channel", channel)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
  }

  private Counter deliveries(String channel, DeliveryState state) {
    return Counter.builder(DELIVERIES)
        .description("Delivery attempts by channel and by what they left the delivery in")
        .tags("channel", channel, "outcome", outcome(state))
        .register(registry);
  }

  private static String outcome(DeliveryState state) {
    return switch (state) {
      case DELIVERED -> "delivered";
      // A failed attempt that will be retried.
      case PENDING -> "retrying";
      case PARKED -> "parked";
      case SILENCED -> "silenced";
    };
  }
}
