package io.scanwatch.notifier.channel;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The facts of an alert as plain text, shared by every channel so that Slack and e-mail say the
 * same thing in the same words. Channels add their own markup and escaping.
 *
 * @param image the image's display name, e.g. {@code docker.io/acme/api:1.2}
 * @param priority e.g. {@code P0}
 * @param headline priority and image, e.g. {@code P0 · docker.io/acme/api:1.2}
 * @param deadline the fix deadline as an ISO-8601 UTC instant, or {@code none}
 * @param counts findings per severity, e.g. {@code CRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN
 *     0}
 * @param violations one line per broken rule
 * @param findings one line per top finding, with the fixed version or {@code no fix yet}
 */
public record AlertText(
    String image,
    String priority,
    String headline,
    String deadline,
    String counts,
    List<String> violations,
    List<String> findings) {

  /** Separates items on one line. */
  public static final String SEPARATOR = " · ";

  public AlertText {
    violations = List.copyOf(violations);
    findings = List.copyOf(findings);
  }

  /** The facts of {@code alert}. */
  public static AlertText of(AlertEvent alert) {
    String image = alert.image().displayName();
    String priority = alert.priority().name();
    return new AlertText(
        image,
        priority,
        priority + SEPARATOR + image,
        alert.deadline() == null ? "none" : DateTimeFormatter.ISO_INSTANT.format(alert.deadline()),
        counts(alert.counts()),
        alert.violations().stream().map(AlertText::violation).toList(),
        alert.topFindings().stream().map(AlertText::finding).toList());
  }

  private static String counts(SeverityCounts counts) {
    if (counts == null) {
      // A not-scanned alert knows no findings; zeros would read as a clean image.
      return "unknown: no scan result";
    }
    return Arrays.stream(Severity.values())
        .map(severity -> severity.name() + " " + counts.of(severity))
        .collect(Collectors.joining(SEPARATOR));
  }

  private static String violation(PolicyViolation violation) {
    return violation.rule() + ": " + violation.reason();
  }

  private static String finding(Finding finding) {
    return finding.severity()
        + " "
        + finding.vulnerabilityId()
        + " in "
        + finding.packageName()
        + " "
        + finding.installedVersion()
        + " → "
        + (finding.fixable() ? finding.fixedVersion() : "no fix yet");
  }
}
