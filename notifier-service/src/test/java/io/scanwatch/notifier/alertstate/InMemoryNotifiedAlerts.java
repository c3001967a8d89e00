package io.scanwatch.notifier.alertstate;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What receivers were told, in a map, for tests of the use cases. */
public final class InMemoryNotifiedAlerts implements NotifiedAlerts {

  private final Map<String, NotifiedAlert> alerts = new HashMap<>();

  @Override
  public synchronized Optional<NotifiedAlert> find(String alertId, String receiver) {
    return Optional.ofNullable(alerts.get(NotifiedAlert.idOf(alertId, receiver)));
  }

  @Override
  public synchronized void track(
      AlertEvent event, String receiver, String routeId, Duration repeatInterval, Instant now) {
    boolean open = event.state() != AlertState.RESOLVED;
    String threadRef = find(event.alertId(), receiver).map(NotifiedAlert::threadRef).orElse(null);
    alerts.put(
        NotifiedAlert.idOf(event.alertId(), receiver),
        new NotifiedAlert(
            event.alertId(),
            receiver,
            routeId,
            open,
            event,
            repeatInterval,
            open && repeatInterval.isPositive() ? now.plus(repeatInterval) : null,
            threadRef));
  }

  @Override
  public synchronized void threadStarted(String alertId, String receiver, String threadRef) {
    find(alertId, receiver)
        .filter(alert -> alert.threadRef() == null)
        .ifPresent(
            alert ->
                alerts.put(
                    NotifiedAlert.idOf(alertId, receiver),
                    new NotifiedAlert(
                        alert.alertId(),
                        alert.receiver(),
                        alert.routeId(),
                        alert.open(),
                        alert.lastEvent(),
                        alert.repeatInterval(),
                        alert.nextRepeatAt(),
                        threadRef)));
  }

  @Override
  public synchronized Optional<NotifiedAlert> claimDueRepeat(Instant now) {
    Optional<NotifiedAlert> due =
        alerts.values().stream()
            .filter(alert -> alert.open() && alert.nextRepeatAt() != null)
            .filter(alert -> !alert.nextRepeatAt().isAfter(now))
            .min(Comparator.comparing(NotifiedAlert::nextRepeatAt));
    due.ifPresent(
        alert ->
            alerts.put(
                NotifiedAlert.idOf(alert.alertId(), alert.receiver()),
                new NotifiedAlert(
                    alert.alertId(),
                    alert.receiver(),
                    alert.routeId(),
                    alert.open(),
                    alert.lastEvent(),
                    alert.repeatInterval(),
                    now.plus(alert.repeatInterval()),
                    alert.threadRef())));
    return due;
  }
}
