package io.scanwatch.policy.verdict.mongo;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Verdicts in the {@code verdicts} collection, keyed by report id so a re-run replaces. The verdict
 * is kept whole as JSON, beside the fields it is found by.
 */
@Component
class MongoVerdictStore implements VerdictStore {

  static final String COLLECTION = "verdicts";

  private final MongoTemplate mongo;

  MongoVerdictStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void save(Verdict verdict) {
    mongo.save(
        new Document("_id", verdict.reportId())
            .append("repositoryKey", verdict.image().repositoryKey())
            .append("imageKey", verdict.image().displayName())
            .append("tag", verdict.image().tag())
            .append("passed", verdict.passed())
            .append("priority", verdict.priority() == null ? null : verdict.priority().name())
            .append("decidedAt", Date.from(verdict.decidedAt()))
            .append("json", new String(EventJson.write(verdict), StandardCharsets.UTF_8)),
        COLLECTION);
  }

  @Override
  public Optional<Verdict> verdictOn(String reportId) {
    return Optional.ofNullable(mongo.findById(reportId, Document.class, COLLECTION))
        .map(MongoVerdictStore::verdict);
  }

  @Override
  public List<Verdict> history(String repositoryKey, String tag, int limit) {
    Criteria criteria = Criteria.where("repositoryKey").is(repositoryKey);
    if (tag != null) {
      criteria = criteria.and("tag").is(tag);
    }
    return mongo
        .find(
            Query.query(criteria).with(Sort.by(Sort.Order.desc("decidedAt"))).limit(limit),
            Document.class,
            COLLECTION)
        .stream()
        .map(MongoVerdictStore::verdict)
        .toList();
  }

  @Override
  public List<Verdict> latestPerTag(String repositoryKey) {
    Map<String, Verdict> newest = new LinkedHashMap<>();
    for (Verdict verdict : history(repositoryKey, null, 10_000)) {
      newest.putIfAbsent(verdict.image().displayName(), verdict);
    }
    return new ArrayList<>(newest.values());
  }

  @Override
  public List<Verdict> latestOfEveryImage(int limit) {
    Map<String, Verdict> newest = new LinkedHashMap<>();
    Query all = new Query().with(Sort.by(Sort.Order.desc("decidedAt")));
    for (Document document : mongo.find(all, Document.class, COLLECTION)) {
      String image = document.getString("imageKey");
      if (!newest.containsKey(image)) {
        newest.put(image, verdict(document));
        if (newest.size() >= limit) {
          break;
        }
      }
    }
    return new ArrayList<>(newest.values());
  }

  private static Verdict verdict(Document document) {
    return EventJson.read(
        document.getString("json").getBytes(StandardCharsets.UTF_8), Verdict.class);
  }
}
