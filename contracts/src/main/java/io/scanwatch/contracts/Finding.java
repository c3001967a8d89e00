package io.scanwatch.contracts;

import java.time.Instant;
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
 * @param details what else the scanner said about it, or {@code null}
 */
public record Finding(
    String vulnerabilityId,
    String packageName,
    String installedVersion,
    String fixedVersion,
    Severity severity,
    String title,
    Details details) {

  /** A finding the scanner said nothing more about. */
  public Finding(
      String vulnerabilityId,
      String packageName,
      String installedVersion,
      String fixedVersion,
      Severity severity,
      String title) {
    this(vulnerabilityId, packageName, installedVersion, fixedVersion, severity, title, null);
  }

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

  /**
   * Where a finding was found and how it is rated, as far as the scanner says.
   *
   * @param purl the package URL, or {@code null}
   * @param status the scanner's fix status (Trivy: {@code fixed}, {@code affected}, {@code
   *     will_not_fix}, {@code end_of_life}, …), or {@code null}
   * @param cvss the CVSS rating, from the source the severity came from when it has one
   * @param publishedAt when the vulnerability was published, or {@code null}
   * @param primaryUrl the advisory to read, or {@code null}
   * @param target the scanned target that contains the package (an OS, a lock file, a jar)
   * @param resultClass the kind of target: {@code os-pkgs}, {@code lang-pkgs}, …
   * @param packageType the package ecosystem: {@code debian}, {@code jar}, {@code npm}, …
   * @param location the package's path in the artifact, else the target
   */
  public record Details(
      String purl,
      String status,
      CvssScore cvss,
      Instant publishedAt,
      String primaryUrl,
      String target,
      String resultClass,
      String packageType,
      String location) {}
}
