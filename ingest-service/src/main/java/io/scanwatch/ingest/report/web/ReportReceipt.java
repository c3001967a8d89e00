package io.scanwatch.ingest.report.web;

import io.scanwatch.contracts.ScanSummary;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.report.StoredReport;
import java.time.Instant;
import java.util.List;

/**
 * What the caller learns about a report it posted or asks for.
 *
 * @param reportId the report's id; the same bytes posted again give the same id
 * @param status {@code accepted} when this request published it, {@code duplicate} when it was
 *     published before, {@code stored} when looked up
 * @param image the scanned image
 * @param format the input format
 * @param receivedAt when the report first arrived
 * @param findings every vulnerability entry, duplicates across targets included
 * @param uniqueCounts unique findings per severity, the numbers policies use
 * @param summary scanner, artifact type, misconfiguration and secret counts
 * @param notes what was skipped or assumed while reading the report, e.g. ignored resource kinds
 */
record ReportReceipt(
    String reportId,
    String status,
    String image,
    String format,
    Instant receivedAt,
    int findings,
    SeverityCounts uniqueCounts,
    ScanSummary summary,
    List<String> notes) {

  static ReportReceipt of(StoredReport report, String status, List<String> notes) {
    return new ReportReceipt(
        report.id(),
        status,
        report.image().displayName(),
        report.format(),
        report.receivedAt(),
        report.findingCount(),
        report.uniqueCounts(),
        report.summary(),
        notes);
  }
}
