package io.scanwatch.ingest.report.mongo;

import io.scanwatch.ingest.report.ReportStore;
import io.scanwatch.ingest.report.StoredReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps reports in MongoDB. Duplicates are caught by the unique index on the fingerprint, which
 * every MongoDB-compatible store enforces, rather than by a transaction, which not every one has.
 */
@Component
class MongoReportStore implements ReportStore {

  static final String COLLECTION = "reports";

  private final MongoTemplate mongo;

  MongoReportStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public StoredReport insertIfAbsent(StoredReport report, byte[] raw) {
    try {
      mongo.insert(ReportDocument.of(report, gzip(raw), raw.length));
      return report;
    } catch (DuplicateKeyException alreadyThere) {
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
    byId.fields().include("rawGzip");
    return Optional.ofNullable(mongo.findOne(byId, Document.class, COLLECTION))
        .map(document -> gunzip(document.get("rawGzip", Binary.class).getData()));
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

  private static byte[] gunzip(byte[] compressed) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
