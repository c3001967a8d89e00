package io.scanwatch.notifier.delivery.mongo;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.notifier.delivery.Delivery;
import io.scanwatch.notifier.delivery.DeliveryState;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery as stored. The alert is kept in its event JSON form, so the stored copy reads like the
 * event on the topic and needs no mapping of its own; its ids are copied out beside it for people
 * querying the collection.
 */
@Document(MongoDeliveryStore.COLLECTION)
@CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}")
record DeliveryDocument(
    @Id String id,
    String receiver,
    String alertId,
    String eventId,
    org.bson.Document alert,
    DeliveryState state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer statusCode,
    String failureReason,
    Instant deliveredAt) {

  static DeliveryDocument of(Delivery delivery) {
    AlertEvent alert = delivery.alert();
    return new DeliveryDocument(
        delivery.id(),
        delivery.receiver(),
        alert.alertId(),
        alert.eventId().toString(),
        org.bson.Document.parse(EventJson.mapper().writeValueAsString(alert)),
        delivery.state(),
        delivery.attempts(),
        delivery.createdAt(),
        delivery.nextAttemptAt(),
        delivery.lastAttemptAt(),
        delivery.statusCode(),
        delivery.failureReason(),
        delivery.deliveredAt());
  }

  Delivery toDelivery() {
    return new Delivery(
        id,
        receiver,
        EventJson.mapper().readValue(alert.toJson(), AlertEvent.class),
        state,
        attempts,
        createdAt,
        nextAttemptAt,
        lastAttemptAt,
        statusCode,
        failureReason,
        deliveredAt);
  }
}
