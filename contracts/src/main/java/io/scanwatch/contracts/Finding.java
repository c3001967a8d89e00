package io.scanwatch.contracts;

import java.util.Objects;

/**
 * One vulnerability in one installed package, as reported by a scan.
 *
 * @param vulnerabilityId the scanner's id, kept as is (CVE-, GHSA-, TEMP-, GO-, ALAS-…)
 * @param packageName the affected package
 * @param installedVersion the version found in the image
 * @param fixedVersion the version that fixes it, or {@code null} when no fix exists
 * @param severity the severity the scanner reports
 * @param title a short human description, or {@code null}
 */
public record Finding(
    String vulnerabilityId,
    String packageName,
    String installedVersion,
    String fixedVersion,
    Severity severity,
    String title) {

  public Finding {
    Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    Objects.requireNonNull(packageName, "packageName");
    severity = severity == null ? Severity.UNKNOWN : severity;
    fixedVersion = fixedVersion == null || fixedVersion.isBlank() ? null : fixedVersion;
  }

  /** Whether a fixed version exists. */
  public boolean fixable() {
    return fixedVersion != null;
  }
}
