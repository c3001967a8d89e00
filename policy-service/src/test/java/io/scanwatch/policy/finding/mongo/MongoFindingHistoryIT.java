package io.scanwatch.policy.finding.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.policy.finding.FindingKey;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** First sightings against a real store: new, repeated, out of order, and more than one batch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructureConfiguration.class)
class MongoFindingHistoryIT {

  private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant TUESDAY = MONDAY.plusSeconds(86_400);
  private static final Instant WEDNESDAY = TUESDAY.plusSeconds(86_400);
  private static final FindingKey OPENSSL = new FindingKey("CVE-2024-5535", "libssl3");
  private static final FindingKey ZLIB = new FindingKey("CVE-2022-37434", "zlib1g");

  @Autowired MongoFindingHistory history;
  @Autowired MongoTemplate mongo;

  @Test
  void aNewFindingIsFirstSeenNowAndKeptWithItsRepositoryAndNames() {
    String repository = repository();

    assertThat(history.recordSeen(repository, List.of(OPENSSL), TUESDAY))
        .containsExactly(Map.entry(OPENSSL, TUESDAY));

    Document stored = stored(repository, OPENSSL);
    assertThat(stored.getString("repository")).isEqualTo(repository);
    assertThat(stored.getString("vulnerabilityId")).isEqualTo("CVE-2024-5535");
    assertThat(stored.getString("packageName")).isEqualTo("libssl3");
    assertThat(stored.getDate("firstSeenAt").toInstant()).isEqualTo(TUESDAY);
  }

  @Test
  void aLaterSightingKeepsTheFirstAndAddsOnlyTheNewFinding() {
    String repository = repository();
    history.recordSeen(repository, List.of(OPENSSL), MONDAY);

    assertThat(history.recordSeen(repository, List.of(OPENSSL, ZLIB), WEDNESDAY))
        .containsOnly(Map.entry(OPENSSL, MONDAY), Map.entry(ZLIB, WEDNESDAY));
    assertThat(history.firstSeen(repository, List.of(OPENSSL, ZLIB)))
        .containsOnly(Map.entry(OPENSSL, MONDAY), Map.entry(ZLIB, WEDNESDAY));
  }

  @Test
  void anOlderReportProcessedLateMovesTheFirstSightingBack() {
    String repository = repository();
    history.recordSeen(repository, List.of(OPENSSL), WEDNESDAY);

    assertThat(history.recordSeen(repository, List.of(OPENSSL), MONDAY))
        .containsExactly(Map.entry(OPENSSL, MONDAY));
    assertThat(stored(repository, OPENSSL).getDate("firstSeenAt").toInstant()).isEqualTo(MONDAY);
  }

  @Test
  void repositoriesKeepTheirOwnSightings() {
    String first = repository();
    String second = repository();
    history.recordSeen(first, List.of(OPENSSL), MONDAY);

    assertThat(history.recordSeen(second, List.of(OPENSSL), TUESDAY))
        .containsExactly(Map.entry(OPENSSL, TUESDAY));
    assertThat(history.firstSeen(first, List.of(OPENSSL)))
        .containsExactly(Map.entry(OPENSSL, MONDAY));
  }

  @Test
  void sightingsBeyondOneBatchAreAllRecordedAndRead() {
    String repository = repository();
    List<FindingKey> keys =
        IntStream.range(0, 2_500)
            .mapToObj(i -> new FindingKey("CVE-2026-" + (10_000 + i), "pkg-" + (i % 7)))
            .toList();
    history.recordSeen(repository, keys.subList(0, 1_200), MONDAY);

    Map<FindingKey, Instant> firstSeen = history.recordSeen(repository, keys, TUESDAY);

    assertThat(firstSeen).hasSize(2_500);
    assertThat(firstSeen.get(keys.get(0))).isEqualTo(MONDAY);
    assertThat(firstSeen.get(keys.get(1_199))).isEqualTo(MONDAY);
    assertThat(firstSeen.get(keys.get(1_200))).isEqualTo(TUESDAY);
    assertThat(firstSeen.get(keys.get(2_499))).isEqualTo(TUESDAY);
    assertThat(history.firstSeen(repository, keys)).isEqualTo(firstSeen);
    assertThat(mongo.count(Query.query(Criteria.where("repository").is(repository)), "findings"))
        .isEqualTo(2_500);
  }

  @Test
  void aFindingNeverSeenIsAbsentAndReadingWritesNothing() {
    String repository = repository();

    assertThat(history.firstSeen(repository, List.of(ZLIB))).isEmpty();
    assertThat(mongo.count(Query.query(Criteria.where("repository").is(repository)), "findings"))
        .isZero();
  }

  private Document stored(String repository, FindingKey key) {
    return mongo.findOne(
        Query.query(
            Criteria.where("repository")
                .is(repository)
                .and("vulnerabilityId")
                .is(key.vulnerabilityId())
                .and("packageName")
                .is(key.packageName())),
        Document.class,
        "findings");
  }

  private static String repository() {
    return "registry.example.com/team/app-" + UUID.randomUUID();
  }
}
