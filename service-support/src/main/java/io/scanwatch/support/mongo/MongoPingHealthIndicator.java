package io.scanwatch.support.mongo;

import io.scanwatch.support.web.RefusalLog;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reports the store up when it answers {@code ping}. Boot's own indicator sends {@code hello},
 * which the embedded wire-compatible store does not implement, so it would report a healthy store
 * as down. Health is open to anyone, so a failed ping is logged in one line without its stack
 * trace, at most once every 10 s, however often health is asked while the store is down.
 */
public class MongoPingHealthIndicator implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(MongoPingHealthIndicator.class);

  private final RefusalLog failures = RefusalLog.writingTo(LOG::warn);
  private final MongoTemplate mongoTemplate;

  public MongoPingHealthIndicator(MongoTemplate mongoTemplate) {
    this.mongoTemplate = mongoTemplate;
  }

  @Override
  public Health health() {
    try {
      Document answer = mongoTemplate.executeCommand(new Document("ping", 1));
      return Health.up()
          .withDetail("database", mongoTemplate.getDb().getName())
          .withDetail("ok", answer.get("ok"))
          .build();
    } catch (RuntimeException e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      failures.refused("ping failed", () -> "MongoDB ping failed: " + reason);
      return Health.down(e).build();
    }
  }
}
