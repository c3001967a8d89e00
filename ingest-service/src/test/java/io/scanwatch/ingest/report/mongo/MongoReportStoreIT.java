package io.scanwatch.ingest.report.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.report.StoredReport;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The report store against a real store: where the original bytes go, and duplicates. */
@SpringBootTest(properties = "scanwatch.auth.tokens=store-test-token")
@Import(TestInfrastructureConfiguration.class)
class MongoReportStoreIT {

  private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");
  private static final Instant CLAIM = RECEIVED.plusSeconds(30);

  @Autowired MongoReportStore store;
  @Autowired MongoTemplate mongo;

  @Test
  void aSmallReportKeepsItsCompressedBytesInItsOwnDocument() {
    byte[] raw = "{\"SchemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);
    StoredReport report = report("sha-small");

    store.insertIfAbsent(report, raw, CLAIM);

    Document document = document(report.id());
    assertThat(document.get("rawGzip")).isNotNull();
    assertThat(document.get("rawFile")).isNull();
    assertThat(store.findRaw(report.id())).contains(raw);
  }

  @Test
  void aReportThatCompressesBeyondTheInlineLimitGoesToGridFsAndComesBackWhole() {
    byte[] raw = incompressible(MongoReportStore.INLINE_LIMIT + 512 * 1024);
    StoredReport report = report("sha-large");

    store.insertIfAbsent(report, raw, CLAIM);

    Document document = document(report.id());
    assertThat(document.get("rawGzip")).isNull();
    assertThat(document.getObjectId("rawFile")).isNotNull();
    assertThat(store.findRaw(report.id())).contains(raw);
  }

  @Test
  void aDuplicateReturnsTheEarlierReportAndLeavesNoSecondFileBehind() {
    byte[] raw = incompressible(MongoReportStore.INLINE_LIMIT + 1024);
    String sha = "sha-" + UUID.randomUUID();
    StoredReport first = report(sha);
    StoredReport second = report(sha);

    store.insertIfAbsent(first, raw, CLAIM);
    StoredReport stored = store.insertIfAbsent(second, raw, CLAIM);

    assertThat(stored.id()).isEqualTo(first.id());
    assertThat(
            mongo.count(
                Query.query(Criteria.where("metadata.reportId").is(second.id())), "fs.files"))
        .isZero();
    assertThat(store.findById(second.id())).isEmpty();
  }

  @Test
  void aNewReportIsClaimedByItsInserterUntilTheClaimLapses() {
    StoredReport report = report("sha-" + UUID.randomUUID());

    store.insertIfAbsent(report, "{}".getBytes(StandardCharsets.UTF_8), CLAIM);

    assertThat(store.claimPublication(report.id(), RECEIVED.plusSeconds(29), CLAIM.plusSeconds(30)))
        .as("a second request while the inserter publishes")
        .isFalse();
    assertThat(store.claimPublication(report.id(), CLAIM.plusSeconds(1), CLAIM.plusSeconds(31)))
        .as("a retry after the inserter died")
        .isTrue();
  }

  private Document document(String id) {
    return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "reports");
  }

  private static StoredReport report(String sha256) {
    return new StoredReport(
        UUID.randomUUID().toString(),
        sha256,
        RECEIVED,
        "corr",
        "trivy-json-v2",
        new ImageReference("registry.example.test", "acme/store", "1.0", null),
        null,
        0,
        SeverityCounts.NONE,
        null,
        false);
  }

  private static byte[] incompressible(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
