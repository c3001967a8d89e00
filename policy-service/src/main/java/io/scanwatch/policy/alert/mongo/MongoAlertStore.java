package io.scanwatch.policy.alert.mongo;

import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Alert state in the {@code alerts} collection, one document per alert id. */
@Component
class MongoAlertStore implements AlertStore {

  private static final String COLLECTION = "alerts";

  private final MongoTemplate mongo;

  MongoAlertStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<AlertRecord> find(String alertId) {
    return Optional.ofNullable(mongo.findById(alertId, AlertRecord.class, COLLECTION));
  }

  @Override
  public void save(AlertRecord alert) {
    mongo.save(alert, COLLECTION);
  }
}
