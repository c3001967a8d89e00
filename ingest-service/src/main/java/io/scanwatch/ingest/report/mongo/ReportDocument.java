package io.scanwatch.ingest.report.mongo;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.ScanSummary;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.ingest.report.StoredReport;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A report in the {@code reports} collection. The original bytes are kept gzip-compressed, either
 * here ({@code rawGzip}) or, when large, in GridFS ({@code rawFile}). {@code publishingUntil} is
 * when the claim of the request publishing its event lapses; a report is inserted claimed.
 */
@Document(MongoReportStore.COLLECTION)
record ReportDocument(
    @Id String id,
    @Indexed(unique = true) String fingerprint,
    String sha256,
    Instant receivedAt,
    String correlationId,
    String format,
    ImageReference image,
    OperatingSystem os,
    int findingCount,
    SeverityCounts uniqueCounts,
    ScanSummary summary,
    byte[] rawGzip,
    ObjectId rawFile,
    int rawSize,
    boolean published,
    Instant publishingUntil) {

  static ReportDocument of(
      StoredReport report, byte[] rawGzip, ObjectId rawFile, int rawSize, Instant publishingUntil) {
    return new ReportDocument(
        report.id(),
        report.fingerprint(),
        report.sha256(),
        report.receivedAt(),
        report.correlationId(),
        report.format(),
        report.image(),
        report.os(),
        report.findingCount(),
        report.uniqueCounts(),
        report.summary(),
        rawGzip,
        rawFile,
        rawSize,
        report.published(),
        publishingUntil);
  }

  StoredReport toStoredReport() {
    return new StoredReport(
        id,
        sha256,
        receivedAt,
        correlationId,
        format,
        image,
        os,
        findingCount,
        uniqueCounts,
        summary,
        published);
  }
}
