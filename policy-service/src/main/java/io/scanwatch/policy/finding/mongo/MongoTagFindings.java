package io.scanwatch.policy.finding.mongo;

import io.scanwatch.contracts.FindingChanges;
import io.scanwatch.policy.finding.FindingDiff;
import io.scanwatch.policy.finding.FindingDiffs;
import io.scanwatch.policy.finding.FindingKey;
import io.scanwatch.policy.finding.TagFindings;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One document per repository and tag in {@code tag_findings}: the open findings of its latest
 * scan, those fixed before, and the latest report's diff, so a redelivered report gets the diff it
 * had. One repository's scans arrive in order on one partition, so read-modify-write is safe here.
 */
@Component
class MongoTagFindings implements TagFindings {

  static final String COLLECTION = "tag_findings";
  private static final String SEPARATOR = "\u0000";

  private final MongoTemplate mongo;

  MongoTagFindings(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public FindingDiff record(String imageKey, String reportId, Set<FindingKey> findings) {
    Document state = mongo.findById(imageKey, Document.class, COLLECTION);
    if (state != null && reportId.equals(state.getString("lastReportId"))) {
      return diffOf(state.get("lastDiff", Document.class));
    }
    Set<FindingKey> open = keys(state, "open");
    Set<FindingKey> everFixed = keys(state, "fixed");
    FindingDiff diff = FindingDiffs.diff(open, everFixed, findings);
    Document next =
        new Document("_id", imageKey)
            .append("open", strings(findings))
            .append("fixed", strings(FindingDiffs.fixedAfter(open, everFixed, findings)))
            .append("lastReportId", reportId)
            .append("lastDiff", document(diff));
    mongo.save(next, COLLECTION);
    return diff;
  }

  @Override
  public FindingDiff preview(String imageKey, Set<FindingKey> findings) {
    Document state = mongo.findById(imageKey, Document.class, COLLECTION);
    return FindingDiffs.diff(keys(state, "open"), keys(state, "fixed"), findings);
  }

  private static Set<FindingKey> keys(Document state, String field) {
    if (state == null) {
      return Set.of();
    }
    return state.getList(field, String.class, List.of()).stream()
        .map(MongoTagFindings::key)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static List<String> strings(Collection<FindingKey> keys) {
    return keys.stream().map(k -> k.vulnerabilityId() + SEPARATOR + k.packageName()).toList();
  }

  private static FindingKey key(String value) {
    int at = value.indexOf(SEPARATOR);
    return new FindingKey(value.substring(0, at), value.substring(at + 1));
  }

  private static Document document(FindingDiff diff) {
    FindingChanges changes = diff.changes();
    return new Document("added", changes.added())
        .append("stillOpen", changes.stillOpen())
        .append("fixed", changes.fixed())
        .append("reopened", changes.reopened())
        .append("addedSample", strings(diff.added()))
        .append("fixedSample", strings(FindingDiffs.sample(diff.fixed().stream())))
        .append("reopenedSample", strings(diff.reopened()));
  }

  private static FindingDiff diffOf(Document document) {
    return new FindingDiff(
        new FindingChanges(
            document.getInteger("added", 0),
            document.getInteger("stillOpen", 0),
            document.getInteger("fixed", 0),
            document.getInteger("reopened", 0)),
        sample(document, "addedSample"),
        sample(document, "fixedSample"),
        sample(document, "reopenedSample"),
        false);
  }

  private static List<FindingKey> sample(Document document, String field) {
    return document.getList(field, String.class, List.of()).stream()
        .map(MongoTagFindings::key)
        .toList();
  }
}
