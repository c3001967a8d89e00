package io.scanwatch.policy.evaluation.mongo;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.policy.catalog.LatestScans;
import io.scanwatch.policy.evaluation.ScanArchive;
import io.scanwatch.policy.rules.ScanFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The latest scan of each image in {@code latest_scans}, one document per image, its facts as
 * gzip-compressed JSON: fifty thousand findings compress to well under MongoDB's 16 MB.
 */
@Component
class MongoScanArchive implements ScanArchive, LatestScans {

  static final String COLLECTION = "latest_scans";

  private final MongoTemplate mongo;

  MongoScanArchive(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void keep(ScanFacts facts) {
    mongo.save(
        new Document("_id", facts.image().displayName())
            .append("scannedAt", Date.from(facts.scannedAt()))
            .append("facts", new Binary(gzip(EventJson.write(facts)))),
        COLLECTION);
  }

  @Override
  public List<ScanFacts> latest() {
    return mongo.find(new Query(), Document.class, COLLECTION).stream()
        .map(
            document ->
                EventJson.read(
                    gunzip(document.get("facts", Binary.class).getData()), ScanFacts.class))
        .toList();
  }

  private static byte[] gzip(byte[] raw) {
    var out = new ByteArrayOutputStream(Math.max(64, raw.length / 8));
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] compressed) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
