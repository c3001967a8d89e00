package io.scanwatch.notifier.delivery.kafka;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.Topics;
import io.scanwatch.notifier.delivery.Delivery;
import io.scanwatch.notifier.delivery.ParkedDeliveries;
import io.scanwatch.support.kafka.DeadLetterMetrics;
import io.scanwatch.support.kafka.EventPublisher;
import io.scanwatch.support.kafka.EventPublishingException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes the alerts of a parked delivery to the alerts topic's dead-letter topic, keyed by alert
 * id like the alerts topic, with the receiver, the delivery and the reason in headers, and counts
 * them as {@code undeliverable} dead letters.
 */
@Component
class KafkaParkedDeliveries implements ParkedDeliveries {

  static final String RECEIVER_HEADER = "scanwatch-receiver";
  static final String DELIVERY_HEADER = "scanwatch-delivery-id";
  static final String REASON_HEADER = "scanwatch-dead-letter-reason";
  static final String FAILURE_HEADER = "scanwatch-failure";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaParkedDeliveries.class);
  private static final String TOPIC = Topics.deadLetterOf(Topics.ALERTS);

  private final EventPublisher publisher;
  private final DeadLetterMetrics metrics;

  KafkaParkedDeliveries(EventPublisher publisher, DeadLetterMetrics metrics) {
    this.publisher = publisher;
    this.metrics = metrics;
  }

  @Override
  public void publish(Delivery parked) {
    Map<String, String> headers =
        Map.of(
            RECEIVER_HEADER,
            parked.receiver(),
            DELIVERY_HEADER,
            parked.id(),
            REASON_HEADER,
            "undeliverable",
            FAILURE_HEADER,
            parked.failureReason() == null ? "" : parked.failureReason());
    for (AlertEvent alert : parked.notification().alerts()) {
      try {
        publisher.publish(TOPIC, alert.alertId(), alert.correlationId(), alert, headers);
        metrics.deadLettered(Topics.ALERTS, DeadLetterMetrics.Reason.UNDELIVERABLE);
      } catch (EventPublishingException e) {
        // The parked delivery stays in the store and in the delivery history; only its copy on
        // the dead-letter topic is missing.
        LOG.error(
            "Could not publish alert {} of parked delivery {} to {}",
            alert.alertId(),
            parked.id(),
            TOPIC,
            e);
      }
    }
  }
}
