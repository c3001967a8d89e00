package io.scanwatch.notifier.alert;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.notifier.alertstate.NotifiedAlerts;
import io.scanwatch.notifier.delivery.AlertDispatcher;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.grouping.AlertQueue;
import io.scanwatch.notifier.grouping.QueuedAlert;
import io.scanwatch.notifier.routing.GroupKey;
import io.scanwatch.notifier.routing.Route;
import io.scanwatch.notifier.routing.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides where an alert event goes: the routes that take it name the receivers; an event about an
 * alert a receiver was never told of (an update or resolution of an alert whose start went
 * elsewhere) is not sent to it; the rest go out at once when the route's group wait is zero, or
 * wait for the others of their group.
 */
@Component
public class AlertIntake {

  private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);

  private final Router router;
  private final NotifiedAlerts notifiedAlerts;
  private final AlertQueue queue;
  private final AlertDispatcher dispatcher;
  private final Clock clock;

  public AlertIntake(
      Router router,
      NotifiedAlerts notifiedAlerts,
      AlertQueue queue,
      AlertDispatcher dispatcher,
      Clock clock) {
    this.router = router;
    this.notifiedAlerts = notifiedAlerts;
    this.queue = queue;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /** Notifies the receivers {@code alert} is routed to. */
  public void accept(AlertEvent alert) {
    List<Router.Routed> routes = router.route(alert);
    if (routes.isEmpty()) {
      LOG.info(
          "Alert {} is {} {}: no route notifies it",
          alert.alertId(),
          alert.priority(),
          alert.state());
      return;
    }
    Instant now = clock.instant();
    for (Router.Routed routed : routes) {
      String receiver = routed.receiver();
      if (alert.state() != AlertState.FIRING
          && notifiedAlerts.find(alert.alertId(), receiver).isEmpty()) {
        LOG.info(
            "Alert {} is {}, but {} was not told it fired: not telling it this either",
            alert.alertId(),
            alert.state(),
            receiver);
        continue;
      }
      Route route = routed.route();
      notifiedAlerts.track(alert, receiver, route.id(), route.repeatInterval(), now);
      String id = QueuedAlert.idOf(alert, receiver);
      if (route.groupWait().isZero()) {
        dispatcher.send(Notification.of(id, alert), receiver);
        continue;
      }
      String group = GroupKey.of(route, alert);
      Instant flushAt = queue.flushTimeOf(receiver, group).orElse(now.plus(route.groupWait()));
      if (!queue.enqueue(new QueuedAlert(id, receiver, group, alert, now, flushAt))) {
        LOG.info(
            "Alert event {} for {} was queued before: not queuing it again",
            alert.eventId(),
            receiver);
      }
    }
  }
}
