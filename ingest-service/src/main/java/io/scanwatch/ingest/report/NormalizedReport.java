package io.scanwatch.ingest.report;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.ScanSummary;
import java.util.List;
import java.util.Map;

/**
 * A scan report in Scanwatch's own terms, whatever format it arrived in.
 *
 * @param format the input format, e.g. {@code trivy-json-v2}
 * @param image the scanned image
 * @param os the image's operating system, or {@code null} when the scan found none
 * @param findings every vulnerability entry, duplicates across targets included
 * @param summary what the report says besides its findings
 * @param labels the image's labels as the poster gave them
 */
public record NormalizedReport(
    String format,
    ImageReference image,
    OperatingSystem os,
    List<Finding> findings,
    ScanSummary summary,
    Map<String, String> labels) {

  public NormalizedReport {
    findings = List.copyOf(findings);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
