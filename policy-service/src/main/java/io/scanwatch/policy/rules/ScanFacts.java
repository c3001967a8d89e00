package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.SeverityCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a policy is evaluated on: a scan report's findings, or a registry scanner's counts alone.
 *
 * @param image the scanned image
 * @param labels the image's labels (team, environment), for selecting its policy
 * @param os its operating system, or {@code null}
 * @param findings its unique findings; empty for counts only
 * @param registryCounts counts per severity from a registry's scanner, or {@code null} when the
 *     findings are known
 * @param misconfigurations misconfigurations the scan found, or {@code null} when not scanned for
 * @param secrets secrets the scan found, or {@code null} when not scanned for
 * @param scannedAt when the scan was received; age grace is reckoned from it
 */
public record ScanFacts(
    ImageReference image,
    Map<String, String> labels,
    OperatingSystem os,
    List<Finding> findings,
    SeverityCounts registryCounts,
    Integer misconfigurations,
    Integer secrets,
    Instant scannedAt) {

  public ScanFacts {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    findings = List.copyOf(findings);
  }

  /** Whether only counts are known, as from a registry's scanner. */
  public boolean countsOnly() {
    return registryCounts != null;
  }
}
