package io.scanwatch.support.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reports the store up when it answers {@code ping}. Boot's own indicator sends {@code hello},
 * which the embedded wire-compatible store does not implement, so it would report a healthy store
 * as down.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoTemplate mongoTemplate;

  public MongoPingHealthIndicator(MongoTemplate mongoTemplate) {
    super("MongoDB ping failed");
    this.mongoTemplate = mongoTemplate;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = mongoTemplate.executeCommand(new Document("ping", 1));
    builder
        .up()
        .withDetail("database", mongoTemplate.getDb().getName())
        .withDetail("ok", answer.get("ok"));
  }
}
