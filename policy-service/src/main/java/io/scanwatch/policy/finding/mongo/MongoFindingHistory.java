package io.scanwatch.policy.finding.mongo;

import io.scanwatch.contracts.Finding;
import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.finding.FindingKey;
import java.time.Instant;
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
 * id so that recording a sighting is an idempotent upsert: {@code $min} keeps the earliest first
 * sighting even when an older report is processed after a newer one.
 */
@Component
class MongoFindingHistory implements FindingHistory {

  private static final String COLLECTION = "findings";

  private final MongoTemplate mongo;

  MongoFindingHistory(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Map<FindingKey, Instant> recordSeen(
      String repositoryKey, Collection<Finding> findings, Instant seenAt) {
    Map<String, FindingKey> keysById = new LinkedHashMap<>();
    for (Finding finding : findings) {
      FindingKey key = FindingKey.of(finding);
      keysById.putIfAbsent(id(repositoryKey, key), key);
    }
    if (keysById.isEmpty()) {
      return Map.of();
    }
    BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
    keysById.forEach(
        (id, key) ->
            bulk.upsert(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                    .setOnInsert("repository", repositoryKey)
                    .setOnInsert("vulnerabilityId", key.vulnerabilityId())
                    .setOnInsert("packageName", key.packageName())
                    .min("firstSeenAt", seenAt)
                    .max("lastSeenAt", seenAt)));
    bulk.execute();

    List<Document> stored =
        mongo.find(
            Query.query(Criteria.where("_id").in(keysById.keySet())), Document.class, COLLECTION);
    Map<FindingKey, Instant> firstSeen = new HashMap<>();
    for (Document document : stored) {
      firstSeen.put(
          keysById.get(document.getString("_id")), document.getDate("firstSeenAt").toInstant());
    }
    return firstSeen;
  }

  private static String id(String repositoryKey, FindingKey key) {
    return repositoryKey + " " + key.vulnerabilityId() + " " + key.packageName();
  }
}
