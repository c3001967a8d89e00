package io.scanwatch.notifier.delivery.mongo;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.notifier.delivery.Delivery;
import io.scanwatch.notifier.delivery.DeliveryAttempt;
import io.scanwatch.notifier.delivery.DeliveryState;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationKind;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery as stored. The alerts are kept in their event JSON form, so the stored copy reads like
 * the events on the topic and needs no mapping of its own; their ids are copied out beside them for
 * the delivery history's queries and for people querying the collection.
 */
@Document(MongoDeliveryStore.COLLECTION)
@CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}")
record DeliveryDocument(
    @Id String id,
    String receiver,
    NotificationKind kind,
    List<String> alertIds,
    List<String> eventIds,
    List<org.bson.Document> alerts,
    String notificationThreadRef,
    DeliveryState state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer statusCode,
    String failureReason,
    Instant deliveredAt,
    String threadRef,
    List<DeliveryAttempt> history) {

  static DeliveryDocument of(Delivery delivery) {
    Notification notification = delivery.notification();
    List<AlertEvent> alerts = notification.alerts();
    return new DeliveryDocument(
        delivery.id(),
        delivery.receiver(),
        notification.kind(),
        alerts.stream().map(AlertEvent::alertId).toList(),
        alerts.stream().map(alert -> alert.eventId().toString()).toList(),
        alerts.stream()
            .map(alert -> org.bson.Document.parse(EventJson.mapper().writeValueAsString(alert)))
            .toList(),
        notification.threadRef(),
        delivery.state(),
        delivery.attempts(),
        delivery.createdAt(),
        delivery.nextAttemptAt(),
        delivery.lastAttemptAt(),
        delivery.statusCode(),
        delivery.failureReason(),
        delivery.deliveredAt(),
        delivery.threadRef(),
        delivery.history());
  }

  Delivery toDelivery() {
    List<AlertEvent> events =
        alerts.stream()
            .map(alert -> EventJson.mapper().readValue(alert.toJson(), AlertEvent.class))
            .toList();
    return new Delivery(
        id,
        receiver,
        new Notification(id, kind, events, notificationThreadRef),
        state,
        attempts,
        createdAt,
        nextAttemptAt,
        lastAttemptAt,
        statusCode,
        failureReason,
        deliveredAt,
        threadRef,
        history);
  }
}
