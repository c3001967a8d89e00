package io.scanwatch.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scan report was received and normalised: what was scanned and what was found. Published by
 * ingest-service on {@link Topics#SCAN_REPORTS}.
 *
 * @param eventId time-ordered id of this event
 * @param occurredAt when the event was created
 * @param correlationId follows the input from the HTTP request to the last notification
 * @param reportId ingest-service's id of the stored report; the same report posted twice keeps one
 *     id
 * @param receivedAt when ingest-service received the report
 * @param image the scanned image
 * @param os the image's operating system, or {@code null} when the scan found none
 * @param findings every vulnerability entry of the report, duplicates across targets included; of
 *     this part only when the report travels in parts
 * @param summary what the report says besides its findings, or {@code null}
 * @param part which part of the report this event is, or {@code null} when it is the whole report
 * @param labels the image's labels (team, environment) as the poster gave them; they select its
 *     policy
 */
public record ScanReported(
    UUID eventId,
    Instant occurredAt,
    String correlationId,
    String reportId,
    Instant receivedAt,
    ImageReference image,
    OperatingSystem os,
    List<Finding> findings,
    ScanSummary summary,
    ReportPart part,
    Map<String, String> labels) {

  public ScanReported {
    findings = List.copyOf(findings);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** A report without labels. */
  public ScanReported(
      UUID eventId,
      Instant occurredAt,
      String correlationId,
      String reportId,
      Instant receivedAt,
      ImageReference image,
      OperatingSystem os,
      List<Finding> findings,
      ScanSummary summary,
      ReportPart part) {
    this(
        eventId,
        occurredAt,
        correlationId,
        reportId,
        receivedAt,
        image,
        os,
        findings,
        summary,
        part,
        Map.of());
  }

  /** Whether this event holds the whole report rather than one part of it. */
  public boolean whole() {
    return part == null || part.count() == 1;
  }
}
