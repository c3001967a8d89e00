package io.scanwatch.policy.evaluation.mongo;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.policy.evaluation.ReportPartStore;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Report parts in {@code report_parts}, one document per part with the event's own JSON, under the
 * id {@code <reportId>/<index>} so a redelivered part replaces itself.
 */
@Component
class MongoReportPartStore implements ReportPartStore {

  private static final String COLLECTION = "report_parts";

  /** Parts are at most {@code SCANWATCH_MAX_EVENT_SIZE} (512 KB) each: a few MB per reply. */
  private static final int PARTS_PER_REPLY = 4;

  private final MongoTemplate mongo;

  MongoReportPartStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void save(ScanReported part) {
    mongo.save(
        new Document("_id", part.reportId() + "/" + part.part().index())
            .append("reportId", part.reportId())
            .append("index", part.part().index())
            .append("findings", part.findings().size())
            .append("event", new Binary(EventJson.write(part))),
        COLLECTION);
  }

  @Override
  public Kept kept(String reportId) {
    Query query = ofReport(reportId);
    query.fields().include("findings");
    long parts = 0;
    long findings = 0;
    try (Stream<Document> documents = mongo.stream(query, Document.class, COLLECTION)) {
      for (Document document : (Iterable<Document>) documents::iterator) {
        parts++;
        findings += document.getInteger("findings", 0);
      }
    }
    return new Kept(parts, findings);
  }

  /**
   * Read a few parts per reply: all of a large report's parts in one would exceed the wire
   * protocol's 48 MB message limit, and each part's bytes can go as soon as it is decoded.
   */
  @Override
  public List<ScanReported> partsOf(String reportId) {
    Query query = ofReport(reportId).with(Sort.by("index")).cursorBatchSize(PARTS_PER_REPLY);
    try (Stream<Document> documents = mongo.stream(query, Document.class, COLLECTION)) {
      return documents
          .map(
              document ->
                  EventJson.read(document.get("event", Binary.class).getData(), ScanReported.class))
          .toList();
    }
  }

  @Override
  public void delete(String reportId) {
    mongo.remove(ofReport(reportId), COLLECTION);
  }

  private static Query ofReport(String reportId) {
    return Query.query(Criteria.where("reportId").is(reportId));
  }
}
