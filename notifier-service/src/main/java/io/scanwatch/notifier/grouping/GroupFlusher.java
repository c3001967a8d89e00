package io.scanwatch.notifier.grouping;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.delivery.AlertDispatcher;
import io.scanwatch.notifier.delivery.DeliveryProperties;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends each group whose wait has ended as one message. A group is claimed under the id of the
 * delivery that carries it, so an instance that dies after claiming leaves a claim that runs out
 * and is sent under the same id: the delivery store's refusal of a second delivery with that id
 * keeps the group from going out twice.
 */
@Component
public class GroupFlusher implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(GroupFlusher.class);

  private final AlertQueue queue;
  private final AlertDispatcher dispatcher;
  private final DeliveryProperties properties;
  private final Clock clock;

  GroupFlusher(
      AlertQueue queue, AlertDispatcher dispatcher, DeliveryProperties properties, Clock clock) {
    this.queue = queue;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::flushDue, properties.pollInterval());
  }

  /** Sends every group that is due now. */
  public void flushDue() {
    Instant now = clock.instant();
    for (Optional<AlertQueue.DueGroup> due = queue.nextDue(now);
        due.isPresent();
        due = queue.nextDue(now)) {
      flush(due.get(), now);
    }
  }

  private void flush(AlertQueue.DueGroup group, Instant now) {
    String deliveryId;
    List<QueuedAlert> alerts;
    if (group.staleClaim() != null) {
      deliveryId = group.staleClaim();
      alerts = queue.claimedBy(deliveryId);
      LOG.info(
          "Taking over group {} of delivery {}, whose claim ran out", group.groupKey(), deliveryId);
    } else {
      deliveryId = "group:" + UUID.randomUUID();
      alerts = queue.claim(group, deliveryId, now, now.plus(properties.lease()));
    }
    if (!alerts.isEmpty()) {
      List<AlertEvent> events = alerts.stream().map(QueuedAlert::alert).toList();
      dispatcher.send(
          new Notification(deliveryId, NotificationKind.ALERT, events, null), group.receiver());
    }
    queue.sent(deliveryId);
  }
}
