package io.scanwatch.ingest.report.mongo;

import io.scanwatch.ingest.report.ReportStore;
import io.scanwatch.ingest.report.StoredReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps reports in MongoDB, the original bytes gzip-compressed: inside the report's document when
 * small, in GridFS when they would crowd the document towards MongoDB's 16 MB limit. Duplicates are
 * caught by the unique index on the fingerprint, which every MongoDB-compatible store enforces,
 * rather than by a transaction, which not every one has.
 */
@Component
class MongoReportStore implements ReportStore {

  static final String COLLECTION = "reports";

  /** Compressed originals up to this size stay in the report's own document. */
  static final int INLINE_LIMIT = 4 * 1024 * 1024;

  private final MongoTemplate mongo;
  private final GridFsTemplate gridFs;

  MongoReportStore(MongoTemplate mongo, GridFsTemplate gridFs) {
    this.mongo = mongo;
    this.gridFs = gridFs;
  }

  @Override
  public StoredReport insertIfAbsent(StoredReport report, byte[] raw, Instant claimUntil) {
    byte[] compressed = gzip(raw);
    boolean inline = compressed.length <= INLINE_LIMIT;
    ObjectId rawFile =
        inline
            ? null
            : gridFs.store(
                new ByteArrayInputStream(compressed),
                report.id() + ".json.gz",
                "application/gzip",
                new Document("reportId", report.id()));
    try {
      mongo.insert(
          ReportDocument.of(report, inline ? compressed : null, rawFile, raw.length, claimUntil));
      return report;
    } catch (DuplicateKeyException alreadyThere) {
      if (rawFile != null) {
        gridFs.delete(Query.query(Criteria.where("_id").is(rawFile)));
      }
      Query sameFingerprint = Query.query(Criteria.where("fingerprint").is(report.fingerprint()));
      sameFingerprint.fields().exclude("rawGzip");
      ReportDocument earlier = mongo.findOne(sameFingerprint, ReportDocument.class);
      if (earlier == null) {
        throw alreadyThere;
      }
      return earlier.toStoredReport();
    }
  }

  @Override
  public boolean claimPublication(String id, Instant now, Instant until) {
    Query unclaimed =
        Query.query(
            Criteria.where("_id")
                .is(id)
                .and("published")
                .is(false)
                .orOperator(
                    Criteria.where("publishingUntil").exists(false),
                    Criteria.where("publishingUntil").lt(now)));
    return mongo
            .updateFirst(unclaimed, Update.update("publishingUntil", until), COLLECTION)
            .getModifiedCount()
        == 1;
  }

  @Override
  public void releasePublication(String id) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update().unset("publishingUntil"),
        COLLECTION);
  }

  @Override
  public void markPublished(String id) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        Update.update("published", true),
        ReportDocument.class);
  }

  @Override
  public Optional<StoredReport> findById(String id) {
    Query byId = Query.query(Criteria.where("_id").is(id));
    byId.fields().exclude("rawGzip");
    return Optional.ofNullable(mongo.findOne(byId, ReportDocument.class))
        .map(ReportDocument::toStoredReport);
  }

  @Override
  public Optional<byte[]> findRaw(String id) {
    Query byId = Query.query(Criteria.where("_id").is(id));
    byId.fields().include("rawGzip").include("rawFile");
    Document document = mongo.findOne(byId, Document.class, COLLECTION);
    if (document == null) {
      return Optional.empty();
    }
    Binary inline = document.get("rawGzip", Binary.class);
    if (inline != null) {
      return Optional.of(gunzip(new ByteArrayInputStream(inline.getData())));
    }
    var file =
        gridFs.findOne(Query.query(Criteria.where("_id").is(document.getObjectId("rawFile"))));
    try (InputStream in = gridFs.getResource(file).getInputStream()) {
      return Optional.of(gunzip(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] raw) {
    var compressed = new ByteArrayOutputStream(Math.max(64, raw.length / 8));
    try (var out = new GZIPOutputStream(compressed)) {
      out.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  private static byte[] gunzip(InputStream compressed) {
    try (var in = new GZIPInputStream(compressed)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
