package io.scanwatch.notifier.alert;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Priority;
import io.scanwatch.notifier.delivery.AlertDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides which alert events become notifications: P0 alerts that start firing. Every other event
 * is logged and acknowledged without a notification.
 */
@Component
public class AlertIntake {

  private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);

  private final AlertDispatcher dispatcher;

  public AlertIntake(AlertDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Notifies the receivers of {@code alert} when it warrants a notification. */
  public void accept(AlertEvent alert) {
    if (alert.priority() != Priority.P0 || alert.state() != AlertState.FIRING) {
      LOG.info(
          "Alert {} is {} {}: no notification (only P0 FIRING alerts are notified)",
          alert.alertId(),
          alert.priority(),
          alert.state());
      return;
    }
    dispatcher.dispatch(alert);
  }
}
