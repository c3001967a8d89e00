package io.scanwatch.ingest.webhook.mongo;

import io.scanwatch.ingest.webhook.WebhookDeliveryLog;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps each delivery's bytes (at most the configured limit, 1 MB by default) and its outcome. */
@Component
class MongoWebhookDeliveryLog implements WebhookDeliveryLog {

  static final String COLLECTION = "webhook_deliveries";

  private final MongoTemplate mongo;

  MongoWebhookDeliveryLog(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void record(Entry entry) {
    mongo.insert(
        new Document("correlationId", entry.correlationId())
            .append("provider", entry.provider())
            .append("source", entry.source())
            .append("receivedAt", Date.from(entry.receivedAt()))
            .append("outcome", entry.outcome())
            .append("eventIds", entry.eventIds())
            .append("raw", new Binary(entry.raw())),
        COLLECTION);
  }
}
