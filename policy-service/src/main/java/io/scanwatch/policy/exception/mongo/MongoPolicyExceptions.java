package io.scanwatch.policy.exception.mongo;

import io.scanwatch.policy.exception.ExceptionQuery;
import io.scanwatch.policy.exception.PolicyException;
import io.scanwatch.policy.exception.PolicyExceptions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Exceptions in MongoDB, one document each, with the vulnerability id also in upper case for
 * case-insensitive lookups and an {@code expiryNoticed} flag that a conditional update sets once.
 */
@Component
class MongoPolicyExceptions implements PolicyExceptions {

  static final String COLLECTION = "policy_exceptions";

  private final MongoTemplate mongo;

  MongoPolicyExceptions(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void insert(PolicyException exception) {
    var document =
        new Document("_id", exception.id())
            .append("vulnerabilityId", exception.vulnerabilityId())
            .append("vulnerabilityKey", key(exception.vulnerabilityId()))
            .append("repository", exception.repository())
            .append("packageName", exception.packageName())
            .append("purl", exception.purl())
            .append("reason", exception.reason())
            .append("owner", exception.owner())
            .append("expiresAt", Date.from(exception.expiresAt()))
            .append("createdAt", Date.from(exception.createdAt()))
            .append("createdBy", exception.createdBy())
            .append("expiryNoticed", false);
    mongo.insert(document, COLLECTION);
  }

  @Override
  public Optional<PolicyException> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION))
        .map(MongoPolicyExceptions::exception);
  }

  @Override
  public List<PolicyException> list(
      ExceptionQuery.State state, String vulnerabilityId, Instant now, int limit) {
    var criteria = new Criteria();
    switch (state) {
      case ACTIVE -> criteria = criteria.and("expiresAt").gt(Date.from(now));
      case EXPIRED -> criteria = criteria.and("expiresAt").lte(Date.from(now));
      case ALL -> {}
    }
    if (vulnerabilityId != null) {
      criteria = criteria.and("vulnerabilityKey").is(key(vulnerabilityId));
    }
    return find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit));
  }

  @Override
  public List<PolicyException> activeAt(Instant now) {
    return find(Query.query(Criteria.where("expiresAt").gt(Date.from(now))));
  }

  @Override
  public Optional<PolicyException> change(String id, Instant expiresAt, String reason) {
    var update = new Update();
    if (expiresAt != null) {
      update.set("expiresAt", Date.from(expiresAt)).set("expiryNoticed", false);
    }
    if (reason != null) {
      update.set("reason", reason);
    }
    return Optional.ofNullable(
            mongo.findAndModify(
                byId(id),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                COLLECTION))
        .map(MongoPolicyExceptions::exception);
  }

  @Override
  public boolean delete(String id) {
    return mongo.remove(byId(id), COLLECTION).getDeletedCount() == 1;
  }

  @Override
  public List<PolicyException> expiredUnnoticed(Instant now, int limit) {
    return find(
        Query.query(Criteria.where("expiryNoticed").is(false).and("expiresAt").lte(Date.from(now)))
            .with(Sort.by("expiresAt"))
            .limit(limit));
  }

  @Override
  public boolean claimNotice(String id, Instant now) {
    // Only the update that flips the flag counts, so of two instances one sends the notice.
    return mongo
            .updateFirst(
                Query.query(
                    Criteria.where("_id")
                        .is(id)
                        .and("expiryNoticed")
                        .is(false)
                        .and("expiresAt")
                        .lte(Date.from(now))),
                Update.update("expiryNoticed", true),
                COLLECTION)
            .getModifiedCount()
        == 1;
  }

  @Override
  public void releaseNotice(String id) {
    mongo.updateFirst(byId(id), Update.update("expiryNoticed", false), COLLECTION);
  }

  private List<PolicyException> find(Query query) {
    return mongo.find(query, Document.class, COLLECTION).stream()
        .map(MongoPolicyExceptions::exception)
        .toList();
  }

  private static PolicyException exception(Document document) {
    return new PolicyException(
        document.getString("_id"),
        document.getString("vulnerabilityId"),
        document.getString("repository"),
        document.getString("packageName"),
        document.getString("purl"),
        document.getString("reason"),
        document.getString("owner"),
        document.getDate("expiresAt").toInstant(),
        document.getDate("createdAt").toInstant(),
        document.getString("createdBy"));
  }

  private static String key(String vulnerabilityId) {
    return vulnerabilityId.toUpperCase(Locale.ROOT);
  }

  private static Query byId(String id) {
    return Query.query(Criteria.where("_id").is(id));
  }
}
