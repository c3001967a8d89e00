package io.scanwatch.ingest.report;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.ScanSummary;
import io.scanwatch.contracts.SeverityCounts;
import java.time.Instant;

/**
 * What ingest-service keeps of a report besides its original bytes: enough to answer for it and to
 * know whether its event has reached Kafka.
 *
 * @param id the report id handed to the caller
 * @param sha256 hex SHA-256 of the original bytes
 * @param receivedAt when the report first arrived
 * @param correlationId the correlation id of the request that first brought it
 * @param format the input format
 * @param image the scanned image
 * @param os the image's operating system, or {@code null}
 * @param findingCount every vulnerability entry, duplicates included
 * @param uniqueCounts unique findings per severity
 * @param summary what the report says besides its findings
 * @param published whether the {@code ScanReported} event has been acknowledged by Kafka
 */
public record StoredReport(
    String id,
    String sha256,
    Instant receivedAt,
    String correlationId,
    String format,
    ImageReference image,
    OperatingSystem os,
    int findingCount,
    SeverityCounts uniqueCounts,
    ScanSummary summary,
    boolean published) {

  /**
   * What makes two posts the same report: the same bytes about the same image (the image can come
   * from the request rather than the bytes).
   */
  public String fingerprint() {
    return sha256 + " " + image.displayName();
  }
}
