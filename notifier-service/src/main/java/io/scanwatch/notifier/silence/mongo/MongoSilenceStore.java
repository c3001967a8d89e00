package io.scanwatch.notifier.silence.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.scanwatch.contracts.Priority;
import io.scanwatch.notifier.silence.Silence;
import io.scanwatch.notifier.silence.SilenceStore;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Keeps silences in the {@code silences} collection. */
@Repository
class MongoSilenceStore implements SilenceStore {

  static final String COLLECTION = "silences";

  private final MongoTemplate mongo;

  MongoSilenceStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void insert(Silence silence) {
    mongo.insert(
        new Document("_id", silence.id())
            .append("repository", silence.repository())
            .append("vulnerability", silence.vulnerability())
            .append("priority", silence.priority() == null ? null : silence.priority().name())
            .append("startsAt", Date.from(silence.startsAt()))
            .append("endsAt", Date.from(silence.endsAt()))
            .append("author", silence.author())
            .append("comment", silence.comment())
            .append("createdAt", Date.from(silence.createdAt()))
            .append("createdBy", silence.createdBy()),
        COLLECTION);
  }

  @Override
  public Optional<Silence> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION))
        .map(MongoSilenceStore::silence);
  }

  @Override
  public List<Silence> notEndedAt(Instant now) {
    return mongo
        .find(query(where("endsAt").gt(Date.from(now))), Document.class, COLLECTION)
        .stream()
        .map(MongoSilenceStore::silence)
        .toList();
  }

  @Override
  public List<Silence> all(int limit) {
    return mongo
        .find(
            new org.springframework.data.mongodb.core.query.Query()
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(limit),
            Document.class,
            COLLECTION)
        .stream()
        .map(MongoSilenceStore::silence)
        .toList();
  }

  @Override
  public Optional<Silence> expire(String id, Instant now) {
    // A silence that has not started yet ends before it starts: it never applied.
    mongo.updateFirst(
        query(where("_id").is(id).and("startsAt").gt(Date.from(now))),
        Update.update("startsAt", Date.from(now)),
        COLLECTION);
    mongo.updateFirst(
        query(where("_id").is(id).and("endsAt").gt(Date.from(now))),
        Update.update("endsAt", Date.from(now)),
        COLLECTION);
    return find(id);
  }

  private static Silence silence(Document document) {
    String priority = document.getString("priority");
    return new Silence(
        document.getString("_id"),
        document.getString("repository"),
        document.getString("vulnerability"),
        priority == null ? null : Priority.valueOf(priority),
        document.getDate("startsAt").toInstant(),
        document.getDate("endsAt").toInstant(),
        document.getString("author"),
        document.getString("comment"),
        document.getDate("createdAt").toInstant(),
        document.getString("createdBy"));
  }
}
