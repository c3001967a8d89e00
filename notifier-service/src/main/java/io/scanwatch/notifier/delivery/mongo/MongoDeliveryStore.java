package io.scanwatch.notifier.delivery.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.scanwatch.notifier.delivery.Delivery;
import io.scanwatch.notifier.delivery.DeliveryQuery;
import io.scanwatch.notifier.delivery.DeliveryState;
import io.scanwatch.notifier.delivery.DeliveryStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Keeps deliveries in the {@code deliveries} collection. Duplicate detection rests on the
 * uniqueness of {@code _id}, claiming and recording on single-document atomic updates: both hold on
 * every MongoDB wire-compatible store, unlike transactions and secondary unique indexes.
 */
@Repository
class MongoDeliveryStore implements DeliveryStore {

  static final String COLLECTION = "deliveries";

  private final MongoTemplate mongo;

  MongoDeliveryStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public boolean insertIfAbsent(Delivery delivery) {
    try {
      mongo.insert(DeliveryDocument.of(delivery));
      return true;
    } catch (DuplicateKeyException seenBefore) {
      return false;
    }
  }

  @Override
  public Optional<Delivery> claimNextDue(Instant now, Instant leaseUntil) {
    Query due =
        query(where("state").is(DeliveryState.PENDING).and("nextAttemptAt").lte(now))
            .with(Sort.by("nextAttemptAt"));
    Update claim =
        new Update().inc("attempts", 1).set("lastAttemptAt", now).set("nextAttemptAt", leaseUntil);
    return Optional.ofNullable(
            mongo.findAndModify(
                due, claim, FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class))
        .map(DeliveryDocument::toDelivery);
  }

  @Override
  public boolean recordAttempt(Delivery delivery, Instant finishedAt) {
    // Guarded by the attempt number: once a lease has expired and another attempt claimed the
    // delivery, the stale attempt must not overwrite what the newer one records.
    Query sameAttempt =
        query(
            where("_id")
                .is(delivery.id())
                .and("state")
                .is(DeliveryState.PENDING)
                .and("attempts")
                .is(delivery.attempts()));
    Update result =
        new Update()
            .set("state", delivery.state())
            .set("nextAttemptAt", delivery.nextAttemptAt())
            .set("statusCode", delivery.statusCode())
            .set("failureReason", delivery.failureReason())
            .set("deliveredAt", delivery.deliveredAt())
            .set("threadRef", delivery.threadRef())
            .push("history", delivery.latestAttempt(finishedAt));
    return mongo.updateFirst(sameAttempt, result, DeliveryDocument.class).getMatchedCount() == 1;
  }

  @Override
  public Optional<Delivery> find(String id) {
    return Optional.ofNullable(mongo.findById(id, DeliveryDocument.class))
        .map(DeliveryDocument::toDelivery);
  }

  @Override
  public List<Delivery> search(DeliveryQuery query) {
    Criteria criteria = new Criteria();
    if (query.alertId() != null) {
      criteria.and("alertIds").is(query.alertId());
    }
    if (query.receiver() != null) {
      criteria.and("receiver").is(query.receiver());
    }
    if (query.state() != null) {
      criteria.and("state").is(query.state());
    }
    Query matching =
        query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(query.limit());
    return mongo.find(matching, DeliveryDocument.class).stream()
        .map(DeliveryDocument::toDelivery)
        .toList();
  }
}
