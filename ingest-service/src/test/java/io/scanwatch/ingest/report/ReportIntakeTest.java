package io.scanwatch.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.inventory.RecordingInventory;
import io.scanwatch.support.kafka.EventPublishingException;
import io.scanwatch.trivy.ParseOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReportIntakeTest {

  private static final byte[] RAW = "{\"SchemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);
  private static final int MAX_FINDINGS = 2;
  private static final ImageReference IMAGE =
      new ImageReference("registry.example.test", "acme/api", "1.0", null);
  private static final Function<byte[], ParseOutcome> PARSER =
      bytes ->
          new ParseOutcome.Parsed(
              IMAGE,
              null,
              List.of(new Finding("CVE-2099-1", "openssl", "1.0", "1.1", Severity.CRITICAL, null)),
              "trivy-json-v2",
              null,
              List.of("target"),
              List.of());

  private final InMemoryReportStore store = new InMemoryReportStore();
  private final FlakyPublisher publisher = new FlakyPublisher();
  private final RecordingInventory inventory = new RecordingInventory();
  private final ReportIntake intake =
      new ReportIntake(
          store,
          publisher,
          inventory,
          MAX_FINDINGS,
          Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aReportWhoseEventDidNotReachKafkaIsKeptAndPublishedExactlyOnceWhenRetried() {
    publisher.failuresLeft = 1;

    assertThatThrownBy(() -> intake.accept(RAW, PARSER, null, Map.of(), "corr-1"))
        .isInstanceOf(EventPublishingException.class);
    assertThat(store.reports).singleElement().satisfies(r -> assertThat(r.published()).isFalse());

    IntakeOutcome retried = intake.accept(RAW, PARSER, null, Map.of(), "corr-2");
    IntakeOutcome again = intake.accept(RAW, PARSER, null, Map.of(), "corr-3");

    assertThat(retried).isInstanceOf(IntakeOutcome.Accepted.class);
    assertThat(again).isInstanceOf(IntakeOutcome.Duplicate.class);
    assertThat(publisher.published).hasSize(1);
    assertThat(publisher.published.getFirst().correlationId())
        .as("the event keeps the first request's correlation id")
        .isEqualTo("corr-1");
    assertThat(((IntakeOutcome.Duplicate) again).report().id())
        .isEqualTo(((IntakeOutcome.Accepted) retried).report().id());
    assertThat(inventory.scanned)
        .as("the inventory hears of the scan once it is published, and again harmlessly")
        .containsExactly(IMAGE, IMAGE);
  }

  @Test
  void whileOneRequestPublishesAReportAnotherWithTheSameBytesIsADuplicate() {
    store.insertIfAbsent(
        new StoredReport(
            "earlier",
            sha256Of(RAW),
            Instant.parse("2026-12-03T09:59:59Z"),
            "corr-0",
            "trivy-json-v2",
            IMAGE,
            null,
            1,
            SeverityCounts.NONE,
            null,
            false),
        RAW,
        Instant.parse("2026-12-03T10:00:29Z"));

    IntakeOutcome concurrent = intake.accept(RAW, PARSER, null, Map.of(), "corr-1");

    assertThat(concurrent).isInstanceOf(IntakeOutcome.Duplicate.class);
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void aRejectedReportStoresAndPublishesNothing() {
    IntakeOutcome outcome =
        intake.accept(RAW, bytes -> new ParseOutcome.Unrecognised("no"), null, Map.of(), "corr");

    assertThat(outcome).isInstanceOf(IntakeOutcome.Rejected.class);
    assertThat(store.reports).isEmpty();
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void aReportWithMoreFindingsThanTheLimitIsRefusedAndNothingIsKept() {
    Finding finding = new Finding("CVE-2099-2", "zlib", "1.0", null, Severity.HIGH, null);
    Function<byte[], ParseOutcome> threeFindings =
        bytes ->
            new ParseOutcome.Parsed(
                IMAGE,
                null,
                List.of(finding, finding, finding),
                "trivy-json-v2",
                null,
                List.of("target"),
                List.of());

    IntakeOutcome outcome = intake.accept(RAW, threeFindings, null, Map.of(), "corr");

    assertThat(outcome)
        .isEqualTo(
            new IntakeOutcome.Rejected(
                new ParseOutcome.LimitExceeded(
                    "the report holds 3 findings; at most 2 are accepted"
                        + " (SCANWATCH_MAX_FINDINGS)")));
    assertThat(store.reports).isEmpty();
    assertThat(publisher.published).isEmpty();
  }

  private static String sha256Of(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails the first {@code failuresLeft} publications, as a broker that is down would. */
  private static final class FlakyPublisher implements ScanEventPublisher {
    int failuresLeft;
    final List<StoredReport> published = new ArrayList<>();

    @Override
    public void publish(StoredReport stored, NormalizedReport report) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new EventPublishingException(
            "scanwatch.scan-reports.v1", new RuntimeException("down"));
      }
      published.add(stored);
    }
  }

  /** Keeps reports in memory with the same duplicate rule as the real store. */
  private static final class InMemoryReportStore implements ReportStore {
    final List<StoredReport> reports = new ArrayList<>();
    final Map<String, byte[]> raw = new HashMap<>();

    final Map<String, Instant> claims = new HashMap<>();

    @Override
    public StoredReport insertIfAbsent(StoredReport report, byte[] bytes, Instant claimUntil) {
      for (StoredReport earlier : reports) {
        if (earlier.fingerprint().equals(report.fingerprint())) {
          return earlier;
        }
      }
      reports.add(report);
      raw.put(report.id(), bytes);
      claims.put(report.id(), claimUntil);
      return report;
    }

    @Override
    public boolean claimPublication(String id, Instant now, Instant until) {
      Instant held = claims.get(id);
      if (held != null && !held.isBefore(now)) {
        return false;
      }
      claims.put(id, until);
      return true;
    }

    @Override
    public void releasePublication(String id) {
      claims.remove(id);
    }

    @Override
    public void markPublished(String id) {
      reports.replaceAll(
          r ->
              r.id().equals(id)
                  ? new StoredReport(
                      r.id(),
                      r.sha256(),
                      r.receivedAt(),
                      r.correlationId(),
                      r.format(),
                      r.image(),
                      r.os(),
                      r.findingCount(),
                      r.uniqueCounts(),
                      r.summary(),
                      true)
                  : r);
    }

    @Override
    public Optional<StoredReport> findById(String id) {
      return reports.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public Optional<byte[]> findRaw(String id) {
      return Optional.ofNullable(raw.get(id));
    }
  }
}
