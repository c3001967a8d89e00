package io.scanwatch.policy.vex.mongo;

import io.scanwatch.policy.vex.OpenVexDocuments;
import io.scanwatch.policy.vex.VexParseOutcome;
import io.scanwatch.policy.vex.VexScope;
import io.scanwatch.policy.vex.VexUpload;
import io.scanwatch.policy.vex.VexUploads;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Uploaded VEX documents in MongoDB, one document each: the raw text, which is read again when
 * loaded, and the scope's repository to find an image's documents by.
 */
@Component
class MongoVexUploads implements VexUploads {

  static final String COLLECTION = "vex_documents";

  private static final Logger LOG = LoggerFactory.getLogger(MongoVexUploads.class);

  private final MongoTemplate mongo;

  MongoVexUploads(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void insert(VexUpload upload) {
    VexScope scope = upload.scope();
    var document =
        new Document("_id", upload.id())
            .append("scope", scope.reference())
            .append("scopeRepository", scope.repositoryKey())
            .append("scopeTag", scope.tag())
            .append("scopeDigest", scope.digest())
            .append("documentId", upload.document().id())
            .append("author", upload.document().author())
            .append("statementCount", upload.document().statements().size())
            .append("raw", upload.raw())
            .append("uploadedAt", Date.from(upload.uploadedAt()))
            .append("uploadedBy", upload.uploadedBy());
    mongo.insert(document, COLLECTION);
  }

  @Override
  public Optional<VexUpload> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION))
        .flatMap(MongoVexUploads::upload);
  }

  @Override
  public List<VexUpload> list(int limit) {
    return find(new Query().with(Sort.by(Sort.Direction.DESC, "uploadedAt", "_id")).limit(limit));
  }

  @Override
  public List<VexUpload> inRepository(String repositoryKey) {
    return find(Query.query(Criteria.where("scopeRepository").is(repositoryKey)));
  }

  @Override
  public boolean delete(String id) {
    return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount()
        == 1;
  }

  private List<VexUpload> find(Query query) {
    return mongo.find(query, Document.class, COLLECTION).stream()
        .map(MongoVexUploads::upload)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<VexUpload> upload(Document stored) {
    String id = stored.getString("_id");
    String raw = stored.getString("raw");
    if (!(VexScope.parse(stored.getString("scope")) instanceof VexScope.ScopeParse.Valid scope)) {
      LOG.warn("Stored VEX document {} has a scope that no longer reads; skipped", id);
      return Optional.empty();
    }
    // Validated on upload; read again so parser fixes reach stored documents.
    return switch (OpenVexDocuments.parse(raw.getBytes(StandardCharsets.UTF_8))) {
      case VexParseOutcome.Parsed parsed ->
          Optional.of(
              new VexUpload(
                  id,
                  scope.scope(),
                  parsed.document(),
                  raw,
                  stored.getDate("uploadedAt").toInstant(),
                  stored.getString("uploadedBy")));
      case VexParseOutcome.Invalid invalid -> {
        LOG.warn(
            "Stored VEX document {} no longer reads ({} at '{}'); skipped",
            id,
            invalid.reason(),
            invalid.pointer());
        yield Optional.empty();
      }
    };
  }
}
