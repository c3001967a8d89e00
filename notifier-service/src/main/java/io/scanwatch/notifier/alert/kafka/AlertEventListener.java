package io.scanwatch.notifier.alert.kafka;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.Topics;
import io.scanwatch.notifier.alert.AlertIntake;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes alert events off {@link Topics#ALERTS}. A failure propagates so the shared error handler
 * retries the record and finally dead-letters it; deliveries already stored are not repeated.
 */
@Component
class AlertEventListener {

  private final AlertIntake intake;

  AlertEventListener(AlertIntake intake) {
    this.intake = intake;
  }

  @KafkaListener(topics = Topics.ALERTS)
  void onAlert(AlertEvent alert) {
    intake.accept(alert);
  }
}
