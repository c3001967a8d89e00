package io.scanwatch.ingest.webhook.mongo;

import io.scanwatch.ingest.webhook.RedeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per claimed key, holding when and by which event it was claimed. A claim is a single
 * upsert that only matches a claim older than the window: when a fresh claim exists the upsert
 * tries to insert a second document with the same id and the store refuses it, which every
 * MongoDB-compatible store does atomically.
 */
@Component
class MongoRedeliveryLedger implements RedeliveryLedger {

  static final String COLLECTION = "webhook_redeliveries";

  private final MongoTemplate mongo;

  MongoRedeliveryLedger(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Claim claim(String key, Instant now, Duration window, UUID eventId) {
    Query expired =
        Query.query(
            Criteria.where("_id").is(key).and("claimedAt").lt(Date.from(now.minus(window))));
    try {
      mongo.upsert(
          expired,
          Update.update("claimedAt", Date.from(now)).set("eventId", eventId.toString()),
          COLLECTION);
      return new Claimed();
    } catch (DuplicateKeyException claimedWithinTheWindow) {
      Document claim = mongo.findById(key, Document.class, COLLECTION);
      String original = claim == null ? null : claim.getString("eventId");
      return new AlreadyClaimed(original == null ? null : UUID.fromString(original));
    }
  }

  @Override
  public void release(String key, Instant claimedAt) {
    mongo.remove(
        Query.query(Criteria.where("_id").is(key).and("claimedAt").is(Date.from(claimedAt))),
        COLLECTION);
  }
}
