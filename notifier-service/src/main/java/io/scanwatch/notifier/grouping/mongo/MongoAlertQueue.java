package io.scanwatch.notifier.grouping.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.notifier.grouping.AlertQueue;
import io.scanwatch.notifier.grouping.QueuedAlert;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps waiting alerts in the {@code alert-queue} collection. */
@Repository
class MongoAlertQueue implements AlertQueue {

  static final String COLLECTION = "alert-queue";

  private static final String WAITING = "WAITING";
  private static final String CLAIMED = "CLAIMED";
  private static final String SENT = "SENT";

  private final MongoTemplate mongo;

  MongoAlertQueue(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public boolean enqueue(QueuedAlert alert) {
    Document document =
        new Document("_id", alert.id())
            .append("receiver", alert.receiver())
            .append("groupKey", alert.groupKey())
            .append("alert", Document.parse(EventJson.mapper().writeValueAsString(alert.alert())))
            .append("queuedAt", Date.from(alert.queuedAt()))
            .append("flushAt", Date.from(alert.flushAt()))
            .append("state", WAITING);
    try {
      mongo.insert(document, COLLECTION);
      return true;
    } catch (DuplicateKeyException seenBefore) {
      return false;
    }
  }

  @Override
  public Optional<Instant> flushTimeOf(String receiver, String groupKey) {
    Query waiting =
        query(where("receiver").is(receiver).and("groupKey").is(groupKey).and("state").is(WAITING))
            .with(Sort.by("flushAt"))
            .limit(1);
    return Optional.ofNullable(mongo.findOne(waiting, Document.class, COLLECTION))
        .map(document -> document.getDate("flushAt").toInstant());
  }

  @Override
  public Optional<DueGroup> nextDue(Instant now) {
    Query due =
        query(
                new Criteria()
                    .orOperator(
                        where("state").is(WAITING).and("flushAt").lte(Date.from(now)),
                        where("state").is(CLAIMED).and("claimedUntil").lte(Date.from(now))))
            .with(Sort.by("flushAt"))
            .limit(1);
    return Optional.ofNullable(mongo.findOne(due, Document.class, COLLECTION))
        .map(
            document ->
                new DueGroup(
                    document.getString("receiver"),
                    document.getString("groupKey"),
                    CLAIMED.equals(document.getString("state"))
                        ? document.getString("deliveryId")
                        : null));
  }

  @Override
  public List<QueuedAlert> claim(
      DueGroup group, String deliveryId, Instant now, Instant claimedUntil) {
    Query claimable =
        query(
            where("receiver")
                .is(group.receiver())
                .and("groupKey")
                .is(group.groupKey())
                .orOperator(
                    where("state").is(WAITING),
                    where("state").is(CLAIMED).and("claimedUntil").lte(Date.from(now))));
    mongo.updateMulti(
        claimable,
        new Update()
            .set("state", CLAIMED)
            .set("deliveryId", deliveryId)
            .set("claimedUntil", Date.from(claimedUntil)),
        COLLECTION);
    return claimedBy(deliveryId);
  }

  @Override
  public List<QueuedAlert> claimedBy(String deliveryId) {
    Query claimed =
        query(where("deliveryId").is(deliveryId).and("state").is(CLAIMED))
            .with(Sort.by("queuedAt", "_id"));
    return mongo.find(claimed, Document.class, COLLECTION).stream()
        .map(MongoAlertQueue::queuedAlert)
        .toList();
  }

  @Override
  public void sent(String deliveryId) {
    mongo.updateMulti(
        query(where("deliveryId").is(deliveryId)),
        new Update().set("state", SENT).unset("claimedUntil"),
        COLLECTION);
  }

  private static QueuedAlert queuedAlert(Document document) {
    return new QueuedAlert(
        document.getString("_id"),
        document.getString("receiver"),
        document.getString("groupKey"),
        EventJson.mapper()
            .readValue(document.get("alert", Document.class).toJson(), AlertEvent.class),
        document.getDate("queuedAt").toInstant(),
        document.getDate("flushAt").toInstant());
  }
}
