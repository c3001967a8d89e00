package io.scanwatch.policy.evaluation.mongo;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.policy.evaluation.ReportPartStore;
import java.util.List;
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
            .append("event", new Binary(EventJson.write(part))),
        COLLECTION);
  }

  @Override
  public List<ScanReported> partsOf(String reportId) {
    Query query = Query.query(Criteria.where("reportId").is(reportId)).with(Sort.by("index"));
    return mongo.find(query, Document.class, COLLECTION).stream()
        .map(
            document ->
                EventJson.read(document.get("event", Binary.class).getData(), ScanReported.class))
        .toList();
  }

  @Override
  public void delete(String reportId) {
    mongo.remove(Query.query(Criteria.where("reportId").is(reportId)), COLLECTION);
  }
}
