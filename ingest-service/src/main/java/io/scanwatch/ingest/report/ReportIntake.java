package io.scanwatch.ingest.report;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.inventory.ImageInventory;
import io.scanwatch.trivy.ParseOutcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * Takes a report in: parse, keep, publish. Safe to repeat: the same bytes are one report, and a
 * report whose event did not reach Kafka is published again when it is posted again, so a caller
 * that retries after a failure gets exactly one event.
 */
public class ReportIntake {

  /** Longer than a publication can take (the broker's acknowledgement times out before). */
  static final Duration PUBLICATION_LEASE = Duration.ofSeconds(30);

  private final ReportStore store;
  private final ScanEventPublisher publisher;
  private final ImageInventory inventory;
  private final int maxFindings;
  private final Clock clock;

  /**
   * @param maxFindings the most findings a report may hold; a larger one is refused unstored
   */
  public ReportIntake(
      ReportStore store,
      ScanEventPublisher publisher,
      ImageInventory inventory,
      int maxFindings,
      Clock clock) {
    this.store = store;
    this.publisher = publisher;
    this.inventory = inventory;
    this.maxFindings = maxFindings;
    this.clock = clock;
  }

  /**
   * @param raw the bytes as posted
   * @param parser the format's parser
   * @param imageOverride the image the caller says was scanned, or {@code null} to take it from the
   *     report
   * @param labels the image's labels as the caller gave them
   * @param correlationId the request's correlation id
   */
  public IntakeOutcome accept(
      byte[] raw,
      Function<byte[], ParseOutcome> parser,
      ImageReference imageOverride,
      Map<String, String> labels,
      String correlationId) {
    ParseOutcome outcome = parser.apply(raw).withAtMost(maxFindings);
    if (!(outcome instanceof ParseOutcome.Parsed parsed)) {
      return new IntakeOutcome.Rejected(outcome);
    }
    ImageReference image = imageOverride != null ? imageOverride : parsed.image();
    if (image == null) {
      return new IntakeOutcome.ImageUnknown(
          "the report does not name an image (no Metadata.RepoTags, Metadata.RepoDigests or"
              + " image ArtifactName); pass the image as the 'image' query parameter");
    }
    var report =
        new NormalizedReport(
            parsed.format(), image, parsed.os(), parsed.findings(), parsed.summary(), labels);
    Instant now = clock.instant();
    var candidate =
        new StoredReport(
            EventIds.timeOrdered(now).toString(),
            sha256(raw),
            now,
            correlationId,
            report.format(),
            image,
            report.os(),
            report.findings().size(),
            SeverityCounts.uniqueOf(report.findings()),
            report.summary(),
            false);
    Instant claimUntil = now.plus(PUBLICATION_LEASE);
    StoredReport stored = store.insertIfAbsent(candidate, raw, claimUntil);
    boolean claimed =
        stored.id().equals(candidate.id())
            || !stored.published() && store.claimPublication(stored.id(), now, claimUntil);
    if (!claimed) {
      recordScan(stored);
      return new IntakeOutcome.Duplicate(stored, parsed.notes());
    }
    try {
      publisher.publish(stored, report);
    } catch (RuntimeException e) {
      store.releasePublication(stored.id());
      throw e;
    }
    store.markPublished(stored.id());
    recordScan(stored);
    return new IntakeOutcome.Accepted(stored, parsed.notes());
  }

  /** Idempotent, so also after a duplicate: the first posting may have failed before it. */
  private void recordScan(StoredReport stored) {
    inventory.scanned(stored.image(), stored.receivedAt(), stored.uniqueCounts(), "trivy");
  }

  private static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
