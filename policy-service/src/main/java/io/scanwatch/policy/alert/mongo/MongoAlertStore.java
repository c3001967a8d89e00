package io.scanwatch.policy.alert.mongo;

import io.scanwatch.contracts.AlertEscalation;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Priority;
import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Alert state in the {@code alerts} collection, one document per alert id. The last event is kept
 * as its JSON, the form it was published in.
 */
@Component
class MongoAlertStore implements AlertStore {

  private static final String COLLECTION = "alerts";

  private final MongoTemplate mongo;

  MongoAlertStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<AlertRecord> find(String alertId) {
    return Optional.ofNullable(mongo.findById(alertId, Document.class, COLLECTION))
        .map(MongoAlertStore::alert);
  }

  @Override
  public void save(AlertRecord alert) {
    mongo.save(
        new Document("_id", alert.id())
            .append("state", alert.state().name())
            .append("priority", alert.priority() == null ? null : alert.priority().name())
            .append("openedAt", Date.from(alert.openedAt()))
            .append("openedByReportId", alert.openedByReportId())
            .append("lastReportId", alert.lastReportId())
            .append("resolvedByReportId", alert.resolvedByReportId())
            .append("fingerprint", alert.fingerprint())
            .append("escalation", alert.escalation() == null ? null : alert.escalation().name())
            .append(
                "lastEvent",
                alert.lastEvent() == null
                    ? null
                    : new String(EventJson.write(alert.lastEvent()), StandardCharsets.UTF_8)),
        COLLECTION);
  }

  @Override
  public List<AlertRecord> open() {
    return mongo
        .find(
            Query.query(Criteria.where("state").ne(AlertState.RESOLVED.name())),
            Document.class,
            COLLECTION)
        .stream()
        .map(MongoAlertStore::alert)
        .toList();
  }

  @Override
  public boolean escalate(String alertId, AlertEscalation from, AlertEscalation to) {
    return mongo
            .updateFirst(
                Query.query(
                    Criteria.where("_id")
                        .is(alertId)
                        .and("escalation")
                        .is(from == null ? null : from.name())),
                Update.update("escalation", to.name()),
                COLLECTION)
            .getModifiedCount()
        == 1;
  }

  private static AlertRecord alert(Document document) {
    String priority = document.getString("priority");
    String escalation = document.getString("escalation");
    String lastEvent = document.getString("lastEvent");
    return new AlertRecord(
        document.getString("_id"),
        AlertState.valueOf(document.getString("state")),
        priority == null ? null : Priority.valueOf(priority),
        document.getDate("openedAt").toInstant(),
        document.getString("openedByReportId"),
        document.getString("lastReportId"),
        document.getString("resolvedByReportId"),
        document.getString("fingerprint"),
        escalation == null ? null : AlertEscalation.valueOf(escalation),
        lastEvent == null
            ? null
            : EventJson.read(lastEvent.getBytes(StandardCharsets.UTF_8), AlertEvent.class));
  }
}
