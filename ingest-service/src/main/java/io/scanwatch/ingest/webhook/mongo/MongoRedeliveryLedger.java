package io.scanwatch.ingest.webhook.mongo;

import io.scanwatch.ingest.webhook.RedeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per claimed key. A claim is a single upsert that only matches a claim older than the
 * window: when a fresh claim exists the upsert tries to insert a second document with the same id
 * and the store refuses it, which every MongoDB-compatible store does atomically.
 */
@Component
class MongoRedeliveryLedger implements RedeliveryLedger {

  static final String COLLECTION = "webhook_redeliveries";

  private final MongoTemplate mongo;

  MongoRedeliveryLedger(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public boolean claim(String key, Instant now, Duration window) {
    Query expired =
        Query.query(
            Criteria.where("_id").is(key).and("claimedAt").lt(Date.from(now.minus(window))));
    try {
      mongo.upsert(expired, Update.update("claimedAt", Date.from(now)), COLLECTION);
      return true;
    } catch (DuplicateKeyException claimedWithinTheWindow) {
      return false;
    }
  }

  @Override
  public void release(String key, Instant claimedAt) {
    mongo.remove(
        Query.query(Criteria.where("_id").is(key).and("claimedAt").is(Date.from(claimedAt))),
        COLLECTION);
  }
}
