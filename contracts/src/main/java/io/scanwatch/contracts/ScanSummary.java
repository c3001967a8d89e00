package io.scanwatch.contracts;

import java.time.Instant;

/**
 * What a scan report says besides its vulnerability findings.
 *
 * @param scanner the scanner, e.g. {@code trivy}
 * @param scannerVersion its version, or {@code null}
 * @param artifactType what was scanned: {@code container_image}, {@code filesystem}, …, or {@code
 *     null}
 * @param createdAt when the scanner wrote the report, or {@code null}
 * @param findingEntries every vulnerability entry, duplicates across targets included
 * @param misconfigurations failed misconfiguration checks per severity
 * @param secrets exposed secrets per severity
 */
public record ScanSummary(
    String scanner,
    String scannerVersion,
    String artifactType,
    Instant createdAt,
    int findingEntries,
    SeverityCounts misconfigurations,
    SeverityCounts secrets) {}
