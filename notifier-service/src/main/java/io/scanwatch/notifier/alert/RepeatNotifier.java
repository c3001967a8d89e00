package io.scanwatch.notifier.alert;

import io.scanwatch.notifier.alertstate.NotifiedAlert;
import io.scanwatch.notifier.alertstate.NotifiedAlerts;
import io.scanwatch.notifier.delivery.AlertDispatcher;
import io.scanwatch.notifier.delivery.DeliveryProperties;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reminds receivers of alerts that are still open once their route's repeat interval has passed
 * since the alert last changed or was last repeated. Each reminder is claimed before it is sent and
 * has an id of its own, so no instance sends it twice.
 */
@Component
public class RepeatNotifier implements SchedulingConfigurer {

  private final NotifiedAlerts notifiedAlerts;
  private final AlertDispatcher dispatcher;
  private final DeliveryProperties properties;
  private final Clock clock;

  RepeatNotifier(
      NotifiedAlerts notifiedAlerts,
      AlertDispatcher dispatcher,
      DeliveryProperties properties,
      Clock clock) {
    this.notifiedAlerts = notifiedAlerts;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::repeatDue, properties.pollInterval());
  }

  /** Sends every reminder that is due now. */
  public void repeatDue() {
    Instant now = clock.instant();
    for (Optional<NotifiedAlert> due = notifiedAlerts.claimDueRepeat(now);
        due.isPresent();
        due = notifiedAlerts.claimDueRepeat(now)) {
      NotifiedAlert alert = due.get();
      String id =
          "repeat:"
              + alert.lastEvent().eventId()
              + ":"
              + alert.receiver()
              + ":"
              + alert.nextRepeatAt().getEpochSecond();
      dispatcher.send(
          new Notification(id, NotificationKind.REPEAT, List.of(alert.lastEvent()), null),
          alert.receiver());
    }
  }
}
