package io.scanwatch.policy.coverage.mongo;

import io.scanwatch.policy.coverage.PendingScan;
import io.scanwatch.policy.coverage.PendingScans;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Pending scans in MongoDB, one document per image. A scan sets {@code scannedAt} with a
 * find-and-modify that only matches an image not yet scanned, so of two deliveries of one scan only
 * one resolves the alert.
 */
@Component
class MongoPendingScans implements PendingScans {

  static final String COLLECTION = "pending_scans";

  private final MongoTemplate mongo;

  MongoPendingScans(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void pushed(PendingScan pending) {
    Update update =
        new Update()
            .setOnInsert("registry", pending.registry())
            .setOnInsert("repository", pending.repository())
            .setOnInsert("digest", pending.digest())
            .setOnInsert("tags", pending.tags())
            .setOnInsert("pushedAt", Date.from(pending.pushedAt()))
            .setOnInsert("dueAt", Date.from(pending.dueAt()))
            .setOnInsert("correlationId", pending.correlationId())
            .setOnInsert("receivedAt", Date.from(pending.receivedAt()))
            .setOnInsert("alerted", false)
            .setOnInsert("labels", pending.labels());
    mongo.upsert(byId(pending.id()), update, COLLECTION);
  }

  @Override
  public List<PendingScan> scanned(
      String registry, String repository, String digest, List<String> tags, Instant at) {
    var alerted = new ArrayList<PendingScan>();
    Update scanned = Update.update("scannedAt", Date.from(at));
    if (digest != null) {
      String id = PendingScan.idOf(registry, repository, digest, null);
      Document before =
          mongo.findAndModify(
              Query.query(Criteria.where("_id").is(id).and("scannedAt").exists(false)),
              scanned,
              Document.class,
              COLLECTION);
      if (before == null) {
        // The scan overtook the push: remember it so the push that follows waits for nothing.
        mongo.upsert(
            byId(id),
            new Update()
                .setOnInsert("registry", registry)
                .setOnInsert("repository", repository)
                .setOnInsert("digest", digest)
                .setOnInsert("tags", tags)
                .setOnInsert("scannedAt", Date.from(at)),
            COLLECTION);
      }
      collectAlerted(before, alerted);
    }
    if (!tags.isEmpty()) {
      Query sameTag =
          Query.query(
              Criteria.where("registry")
                  .is(registry)
                  .and("repository")
                  .is(repository)
                  .and("tags")
                  .in(tags)
                  .and("scannedAt")
                  .exists(false));
      Document before;
      while ((before = mongo.findAndModify(sameTag, scanned, Document.class, COLLECTION)) != null) {
        collectAlerted(before, alerted);
      }
    }
    return alerted;
  }

  @Override
  public List<PendingScan> deleted(
      String registry, String repository, String digest, List<String> tags) {
    var ids = new ArrayList<String>();
    if (digest != null) {
      ids.add(PendingScan.idOf(registry, repository, digest, null));
    }
    tags.forEach(tag -> ids.add(PendingScan.idOf(registry, repository, null, tag)));
    var alerted = new ArrayList<PendingScan>();
    for (String id : ids) {
      Document removed =
          mongo.findAndRemove(
              Query.query(Criteria.where("_id").is(id).and("scannedAt").exists(false)),
              Document.class,
              COLLECTION);
      collectAlerted(removed, alerted);
    }
    return alerted;
  }

  @Override
  public List<PendingScan> overdue(Instant now, int limit) {
    Query due =
        Query.query(
                Criteria.where("scannedAt")
                    .exists(false)
                    .and("alerted")
                    .is(false)
                    .and("dueAt")
                    .lt(Date.from(now)))
            .with(Sort.by("dueAt"))
            .limit(limit);
    return mongo.find(due, Document.class, COLLECTION).stream()
        .map(MongoPendingScans::pending)
        .toList();
  }

  @Override
  public boolean claimAlert(String id) {
    return mongo
            .updateFirst(
                Query.query(
                    Criteria.where("_id")
                        .is(id)
                        .and("alerted")
                        .is(false)
                        .and("scannedAt")
                        .exists(false)),
                Update.update("alerted", true),
                COLLECTION)
            .getModifiedCount()
        == 1;
  }

  @Override
  public void releaseAlert(String id) {
    mongo.updateFirst(byId(id), Update.update("alerted", false), COLLECTION);
  }

  @Override
  public int notScannedInTime() {
    return (int)
        mongo.count(
            Query.query(Criteria.where("scannedAt").exists(false).and("alerted").is(true)),
            COLLECTION);
  }

  private static void collectAlerted(Document document, List<PendingScan> alerted) {
    if (document != null && document.getBoolean("alerted", false)) {
      alerted.add(pending(document));
    }
  }

  private static PendingScan pending(Document document) {
    return new PendingScan(
        document.getString("_id"),
        document.getString("registry"),
        document.getString("repository"),
        document.getString("digest"),
        document.getList("tags", String.class, List.of()),
        document.getDate("pushedAt").toInstant(),
        document.getDate("dueAt").toInstant(),
        document.getString("correlationId"),
        document.getDate("receivedAt").toInstant(),
        document.getBoolean("alerted", false),
        labels(document.get("labels", Document.class)));
  }

  private static Map<String, String> labels(Document labels) {
    if (labels == null) {
      return Map.of();
    }
    var map = new LinkedHashMap<String, String>();
    labels.forEach((name, value) -> map.put(name, String.valueOf(value)));
    return map;
  }

  private static Query byId(String id) {
    return Query.query(Criteria.where("_id").is(id));
  }
}
