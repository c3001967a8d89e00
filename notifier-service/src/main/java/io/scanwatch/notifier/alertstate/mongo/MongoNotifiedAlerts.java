package io.scanwatch.notifier.alertstate.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.notifier.alertstate.NotifiedAlert;
import io.scanwatch.notifier.alertstate.NotifiedAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps what receivers were told in the {@code notified-alerts} collection. */
@Repository
class MongoNotifiedAlerts implements NotifiedAlerts {

  static final String COLLECTION = "notified-alerts";

  private final MongoTemplate mongo;

  MongoNotifiedAlerts(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<NotifiedAlert> find(String alertId, String receiver) {
    return Optional.ofNullable(
            mongo.findById(NotifiedAlert.idOf(alertId, receiver), Document.class, COLLECTION))
        .map(MongoNotifiedAlerts::notifiedAlert);
  }

  @Override
  public void track(
      AlertEvent event, String receiver, String routeId, Duration repeatInterval, Instant now) {
    boolean open = event.state() != AlertState.RESOLVED;
    boolean repeats = open && repeatInterval.isPositive();
    Update update =
        new Update()
            .set("alertId", event.alertId())
            .set("receiver", receiver)
            .set("routeId", routeId)
            .set("open", open)
            .set("lastEvent", Document.parse(EventJson.mapper().writeValueAsString(event)))
            .set("repeatIntervalMillis", repeatInterval.toMillis())
            .set("nextRepeatAt", repeats ? Date.from(now.plus(repeatInterval)) : null);
    mongo.upsert(byId(NotifiedAlert.idOf(event.alertId(), receiver)), update, COLLECTION);
  }

  @Override
  public void threadStarted(String alertId, String receiver, String threadRef) {
    mongo.updateFirst(
        query(where("_id").is(NotifiedAlert.idOf(alertId, receiver)).and("threadRef").is(null)),
        Update.update("threadRef", threadRef),
        COLLECTION);
  }

  @Override
  public Optional<NotifiedAlert> claimDueRepeat(Instant now) {
    Query due =
        query(where("open").is(true).and("nextRepeatAt").lte(Date.from(now)))
            .with(Sort.by("nextRepeatAt"))
            .limit(1);
    for (Document candidate : mongo.find(due, Document.class, COLLECTION)) {
      NotifiedAlert alert = notifiedAlert(candidate);
      // Guarded by the due time read: if another instance claimed it first, it moved that time.
      Instant next = now.plus(alert.repeatInterval());
      boolean claimed =
          mongo
                  .updateFirst(
                      query(
                          where("_id")
                              .is(candidate.getString("_id"))
                              .and("nextRepeatAt")
                              .is(candidate.getDate("nextRepeatAt"))),
                      Update.update("nextRepeatAt", Date.from(next)),
                      COLLECTION)
                  .getModifiedCount()
              == 1;
      if (claimed) {
        return Optional.of(alert);
      }
    }
    return Optional.empty();
  }

  private static NotifiedAlert notifiedAlert(Document document) {
    Date nextRepeatAt = document.getDate("nextRepeatAt");
    Number interval = document.get("repeatIntervalMillis", Number.class);
    return new NotifiedAlert(
        document.getString("alertId"),
        document.getString("receiver"),
        document.getString("routeId"),
        document.getBoolean("open", false),
        EventJson.mapper()
            .readValue(document.get("lastEvent", Document.class).toJson(), AlertEvent.class),
        Duration.ofMillis(interval == null ? 0 : interval.longValue()),
        nextRepeatAt == null ? null : nextRepeatAt.toInstant(),
        document.getString("threadRef"));
  }

  private static Query byId(String id) {
    return query(where("_id").is(id));
  }
}
