package io.scanwatch.policy.finding.mongo;

import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.finding.FindingKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per (repository, vulnerability, package) in {@code findings}, with a deterministic
 * id. Recording a sighting reads the known first sightings and writes only the findings that are
 * new or were first seen later than this sighting (an older report processed after a newer one), so
 * a rescan of an unchanged image reads and writes nothing else. The write is an upsert with {@code
 * $min}, which keeps the earliest first sighting however writers interleave.
 */
@Component
class MongoFindingHistory implements FindingHistory {

  private static final String COLLECTION = "findings";

  /** Ids per command: one bulk write of fifty thousand upserts holds them all in memory at once. */
  private static final int BATCH = 1_000;

  private final MongoTemplate mongo;

  MongoFindingHistory(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Map<FindingKey, Instant> recordSeen(
      String repositoryKey, Collection<FindingKey> keys, Instant seenAt) {
    Map<String, FindingKey> keysById = idsOf(repositoryKey, keys);
    Map<FindingKey, Instant> firstSeen = new HashMap<>();
    List<String> ids = new ArrayList<>(keysById.keySet());
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      Map<String, Instant> known = storedFirstSeen(batch);
      BulkOperations bulk = null;
      for (String id : batch) {
        FindingKey key = keysById.get(id);
        Instant earlier = known.get(id);
        if (earlier != null && !earlier.isAfter(seenAt)) {
          firstSeen.put(key, earlier);
          continue;
        }
        if (bulk == null) {
          bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        }
        bulk.upsert(
            Query.query(Criteria.where("_id").is(id)),
            new Update()
                .setOnInsert("repository", repositoryKey)
                .setOnInsert("vulnerabilityId", key.vulnerabilityId())
                .setOnInsert("packageName", key.packageName())
                .min("firstSeenAt", seenAt));
        firstSeen.put(key, seenAt);
      }
      if (bulk != null) {
        bulk.execute();
      }
    }
    return firstSeen;
  }

  @Override
  public Map<FindingKey, Instant> firstSeen(String repositoryKey, Collection<FindingKey> keys) {
    Map<String, FindingKey> keysById = idsOf(repositoryKey, keys);
    Map<FindingKey, Instant> firstSeen = new HashMap<>();
    List<String> ids = new ArrayList<>(keysById.keySet());
    for (int from = 0; from < ids.size(); from += BATCH) {
      storedFirstSeen(ids.subList(from, Math.min(ids.size(), from + BATCH)))
          .forEach((id, first) -> firstSeen.put(keysById.get(id), first));
    }
    return firstSeen;
  }

  private Map<String, Instant> storedFirstSeen(List<String> ids) {
    Query stored = Query.query(Criteria.where("_id").in(ids));
    stored.fields().include("firstSeenAt");
    Map<String, Instant> firstSeen = new HashMap<>();
    for (Document document : mongo.find(stored, Document.class, COLLECTION)) {
      firstSeen.put(document.getString("_id"), document.getDate("firstSeenAt").toInstant());
    }
    return firstSeen;
  }

  private static Map<String, FindingKey> idsOf(String repositoryKey, Collection<FindingKey> keys) {
    Map<String, FindingKey> keysById = new LinkedHashMap<>();
    for (FindingKey key : keys) {
      keysById.putIfAbsent(id(repositoryKey, key), key);
    }
    return keysById;
  }

  private static String id(String repositoryKey, FindingKey key) {
    return repositoryKey + " " + key.vulnerabilityId() + " " + key.packageName();
  }
}
