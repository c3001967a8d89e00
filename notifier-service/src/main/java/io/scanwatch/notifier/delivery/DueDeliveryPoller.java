package io.scanwatch.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Retries pending deliveries that are due. Each one is claimed atomically before its attempt, so
 * instances polling the same store never attempt the same delivery at once.
 */
@Component
public class DueDeliveryPoller implements SchedulingConfigurer {

  // The logging-context key that the Kafka record interceptor of service-support fills, so that
  // retries log under the same correlation id as the first attempt.
  private static final String CORRELATION_ID = "correlationId";

  private final DeliveryStore store;
  private final DeliveryAttempts attempts;
  private final DeliveryProperties properties;
  private final Clock clock;

  DueDeliveryPoller(
      DeliveryStore store, DeliveryAttempts attempts, DeliveryProperties properties, Clock clock) {
    this.store = store;
    this.attempts = attempts;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::retryDueDeliveries, properties.pollInterval());
  }

  /** Attempts every delivery that is due now. */
  public void retryDueDeliveries() {
    for (Optional<Delivery> due = claimNext(); due.isPresent(); due = claimNext()) {
      Delivery delivery = due.get();
      try (var ignored =
          MDC.putCloseable(CORRELATION_ID, delivery.notification().first().correlationId())) {
        attempts.attemptInTurn(delivery);
      }
    }
  }

  private Optional<Delivery> claimNext() {
    Instant now = clock.instant();
    return store.claimNextDue(now, now.plus(properties.lease()));
  }
}
