package io.scanwatch.policy.catalog.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.scanwatch.policy.catalog.PolicyDocuments;
import io.scanwatch.policy.catalog.PolicyStore;
import io.scanwatch.policy.catalog.StoredPolicy;
import io.scanwatch.policy.rules.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The API's policies in two collections: {@code policies}, the current version per name (its
 * document text, parsed fields, version, when and by whom; a deleted policy keeps its document,
 * marked deleted, so numbering goes on), and {@code policy_versions}, one document per saved
 * version with the id {@code name:version}, never changed. A save is a conditional replace of the
 * {@code policies} document on the version it read, so of two concurrent saves one wins; the
 * version document is written after it, and written again from {@code policies} by the next save
 * should the service have stopped in between.
 */
@Component
class MongoPolicyStore implements PolicyStore {

  static final String POLICIES = "policies";
  static final String VERSIONS = "policy_versions";

  private static final Logger LOG = LoggerFactory.getLogger(MongoPolicyStore.class);
  private static final int ATTEMPTS = 10;

  private final MongoTemplate mongo;
  private final Clock clock;

  MongoPolicyStore(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  @Override
  public List<StoredPolicy> all() {
    var policies = new ArrayList<StoredPolicy>();
    for (Document document :
        policies().find(Filters.ne("deleted", true)).sort(Sorts.ascending("_id"))) {
      stored(document).ifPresent(policies::add);
    }
    return policies;
  }

  @Override
  public Optional<StoredPolicy> find(String name) {
    Document document = policies().find(eq("_id", name)).first();
    if (document == null || document.getBoolean("deleted", false)) {
      return Optional.empty();
    }
    return stored(document);
  }

  @Override
  public SaveOutcome save(Policy policy, String text, Long expectedVersion, String updatedBy) {
    String name = policy.name();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document current = policies().find(eq("_id", name)).first();
      boolean exists = current != null && !current.getBoolean("deleted", false);
      Long currentVersion = current == null ? null : version(current);
      if (expectedVersion != null
          && (expectedVersion == NO_VERSION
              ? exists
              : !exists || !expectedVersion.equals(currentVersion))) {
        return new VersionMismatch(exists ? currentVersion : null);
      }
      if (current != null) {
        keepVersion(current);
      }
      long next = currentVersion == null ? 1 : currentVersion + 1;
      Instant now = clock.instant();
      Document document = document(policy, text, next, now, updatedBy);
      if (current == null ? insertFirst(document) : replace(name, currentVersion, document)) {
        keepVersion(document);
        var saved = new StoredPolicy(policy, text, next, now, updatedBy);
        return exists ? new Updated(saved) : new Created(saved);
      }
      if (expectedVersion != null) {
        return new VersionMismatch(find(name).map(StoredPolicy::version).orElse(null));
      }
      // An unconditional save lost a race: try again on the version that won.
    }
    return new VersionMismatch(find(name).map(StoredPolicy::version).orElse(null));
  }

  @Override
  public DeleteOutcome delete(String name, Long expectedVersion) {
    Document current = policies().find(eq("_id", name)).first();
    if (current == null || current.getBoolean("deleted", false)) {
      return new NotFound();
    }
    long version = version(current);
    if (expectedVersion != null && expectedVersion != version) {
      return new VersionMismatch(version);
    }
    var result =
        policies()
            .updateOne(
                and(eq("_id", name), eq("version", version)),
                Updates.combine(
                    Updates.set("deleted", true),
                    Updates.set("deletedAt", Date.from(clock.instant()))));
    if (result.getMatchedCount() == 0) {
      return new VersionMismatch(find(name).map(StoredPolicy::version).orElse(null));
    }
    return new Deleted();
  }

  @Override
  public List<StoredPolicy> versions(String name) {
    var versions = new ArrayList<StoredPolicy>();
    for (Document document : versions().find(eq("name", name)).sort(Sorts.ascending("version"))) {
      stored(document).ifPresent(versions::add);
    }
    return versions;
  }

  @Override
  public Optional<StoredPolicy> version(String name, long version) {
    Document document = versions().find(eq("_id", versionId(name, version))).first();
    return document == null ? Optional.empty() : stored(document);
  }

  private boolean insertFirst(Document document) {
    try {
      policies().insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  private boolean replace(String name, long currentVersion, Document document) {
    return policies()
            .replaceOne(and(eq("_id", name), eq("version", currentVersion)), document)
            .getMatchedCount()
        == 1;
  }

  /** Writes the version document of a {@code policies} document unless it is there already. */
  private void keepVersion(Document policy) {
    var version = new Document(policy);
    String name = policy.getString("_id");
    version.remove("deleted");
    version.remove("deletedAt");
    version.put("_id", versionId(name, version(policy)));
    version.put("name", name);
    try {
      versions().insertOne(version);
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  private static Document document(
      Policy policy, String text, long version, Instant updatedAt, String updatedBy) {
    return new Document("_id", policy.name())
        .append("text", text)
        .append("policy", fields(policy))
        .append("version", version)
        .append("updatedAt", Date.from(updatedAt))
        .append("updatedBy", updatedBy)
        .append("deleted", false);
  }

  /**
   * The parsed fields, for reading the collection by eye or by query; labels as name/value pairs,
   * since label names such as {@code app.kubernetes.io/name} are not safe field names.
   */
  @SuppressWarnings("unchecked")
  private static Document fields(Policy policy) {
    Map<String, Object> document = new LinkedHashMap<>(PolicyDocuments.toDocument(policy));
    Object selector = document.get("selector");
    if (selector instanceof Map<?, ?> map && map.get("labels") instanceof Map<?, ?> labels) {
      var selectorFields = new LinkedHashMap<>((Map<String, Object>) map);
      selectorFields.put(
          "labels",
          labels.entrySet().stream()
              .map(e -> new Document("name", e.getKey()).append("value", e.getValue()))
              .toList());
      document.put("selector", selectorFields);
    }
    return new Document(document);
  }

  private static Optional<StoredPolicy> stored(Document document) {
    String text = document.getString("text");
    return switch (PolicyDocuments.read(text)) {
      case PolicyDocuments.Read read ->
          Optional.of(
              new StoredPolicy(
                  read.policies().getFirst(),
                  text,
                  version(document),
                  document.getDate("updatedAt").toInstant(),
                  document.getString("updatedBy")));
      case PolicyDocuments.Rejected rejected -> {
        // Rules written after the policy was saved may reject it; it cannot be enforced then.
        LOG.warn(
            "Stored policy {} is no longer valid and is ignored: {}",
            document.get("_id"),
            rejected.errors());
        yield Optional.empty();
      }
    };
  }

  private static long version(Document document) {
    return ((Number) document.get("version")).longValue();
  }

  private static String versionId(String name, long version) {
    return name + ":" + version;
  }

  private MongoCollection<Document> policies() {
    return mongo.getCollection(POLICIES);
  }

  private MongoCollection<Document> versions() {
    return mongo.getCollection(VERSIONS);
  }
}
