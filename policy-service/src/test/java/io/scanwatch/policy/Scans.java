package io.scanwatch.policy;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import java.time.Instant;
import java.util.List;

/** Scan reports for tests, shaped like the example reports the project ships. */
public final class Scans {

  /** The finding of examples/trivy/spring4shell-jre11-image.json. */
  public static final Finding SPRING4SHELL =
      new Finding(
          "CVE-2022-22965",
          "org.springframework:spring-beans",
          "5.3.15",
          "5.3.18",
          Severity.CRITICAL,
          "spring-framework: RCE via Data Binding on JDK 9+");

  /** The four MEDIUM findings of examples/trivy/alpine310-image.json. */
  public static final List<Finding> ALPINE310 =
      List.of(
          new Finding(
              "CVE-2019-1549", "libcrypto1.1", "1.1.1c-r0", "1.1.1d-r0", Severity.MEDIUM, null),
          new Finding(
              "CVE-2019-1551", "libcrypto1.1", "1.1.1c-r0", "1.1.1d-r2", Severity.MEDIUM, null),
          new Finding(
              "CVE-2019-1549", "libssl1.1", "1.1.1c-r0", "1.1.1d-r0", Severity.MEDIUM, null),
          new Finding(
              "CVE-2019-1551", "libssl1.1", "1.1.1c-r0", "1.1.1d-r2", Severity.MEDIUM, null));

  private Scans() {}

  public static Finding finding(String id, String packageName, Severity severity) {
    return new Finding(id, packageName, "1.0", "1.1", severity, null);
  }

  public static ScanReported scan(
      String reportId, String repository, String tag, Instant receivedAt, List<Finding> findings) {
    return new ScanReported(
        EventIds.timeOrdered(receivedAt),
        receivedAt,
        "corr-" + reportId,
        reportId,
        receivedAt,
        new ImageReference("registry.example.test", repository, tag, null),
        new OperatingSystem("debian", "11.3", false),
        findings,
        null,
        null);
  }
}
