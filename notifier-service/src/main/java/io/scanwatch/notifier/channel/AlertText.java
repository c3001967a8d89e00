package io.scanwatch.notifier.channel;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.notifier.delivery.NotificationKind;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The facts of one alert as plain text, shared by every channel so that Slack, Teams and e-mail say
 * the same thing in the same words. Channels add their own markup and escaping.
 *
 * @param image the image's display name, e.g. {@code docker.io/acme/api:1.2}
 * @param priority e.g. {@code P0}
 * @param headline priority and image, e.g. {@code P0 · docker.io/acme/api:1.2}
 * @param status where the alert is, e.g. {@code Firing}, {@code Escalated: deadline passed}, {@code
 *     Still open} (a reminder) or {@code Test message}
 * @param deadline the fix deadline as an ISO-8601 UTC instant, or {@code none}
 * @param counts findings per severity, e.g. {@code CRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN
 *     0}
 * @param score score and grade, e.g. {@code 74/100, grade C}, or {@code none}
 * @param violations one line per broken rule
 * @param findings one line per top finding, with the fixed version or {@code no fix yet}
 * @param rootCause the root-cause hint, or {@code null}
 * @param link the image's page (Grafana by default)
 * @param reference the alert and the report, e.g. {@code Alert … · report …}
 * @param labels the image's labels, e.g. {@code environment=production, team=payments}, or empty
 */
public record AlertText(
    String image,
    String priority,
    String headline,
    String status,
    String deadline,
    String counts,
    String score,
    List<String> violations,
    List<String> findings,
    String rootCause,
    String link,
    String reference,
    String labels) {

  /** Separates items on one line. */
  public static final String SEPARATOR = " · ";

  private static final String FIRING_STATUS = "Firing";

  public AlertText {
    violations = List.copyOf(violations);
    findings = List.copyOf(findings);
  }

  /** The facts of {@code alert}, sent as {@code kind}, linking with {@code links}. */
  public static AlertText of(AlertEvent alert, NotificationKind kind, ImageLinks links) {
    String image = alert.image().displayName();
    String priority = alert.priority().name();
    return new AlertText(
        image,
        priority,
        priority + SEPARATOR + image,
        status(alert, kind),
        alert.deadline() == null ? "none" : DateTimeFormatter.ISO_INSTANT.format(alert.deadline()),
        counts(alert.counts()),
        alert.score() == null
            ? "none"
            : alert.score() + "/100" + (alert.grade() == null ? "" : ", grade " + alert.grade()),
        alert.violations().stream().map(AlertText::violation).toList(),
        alert.topFindings().stream().map(AlertText::finding).toList(),
        alert.rootCause() == null || alert.rootCause().isBlank() ? null : alert.rootCause(),
        links.of(alert.image()).toString(),
        "Alert " + alert.alertId() + SEPARATOR + "report " + alert.reportId(),
        labels(alert.labels()));
  }

  /** Whether the message is the plain news that an alert started firing. */
  public boolean firing() {
    return status.equals(FIRING_STATUS);
  }

  private static String status(AlertEvent alert, NotificationKind kind) {
    return switch (kind) {
      case TEST -> "Test message";
      case REPEAT -> alert.state() == AlertState.RESOLVED ? "Resolved" : "Still open";
      case ALERT ->
          switch (alert.state()) {
            case FIRING -> FIRING_STATUS;
            case UPDATED -> "Updated";
            case RESOLVED -> "Resolved";
            case ESCALATED ->
                alert.escalation() == null
                    ? "Escalated"
                    : switch (alert.escalation()) {
                      case DEADLINE_NEAR -> "Escalated: deadline near";
                      case DEADLINE_PASSED -> "Escalated: deadline passed";
                    };
          };
    };
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

  private static String labels(Map<String, String> labels) {
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(label -> label.getKey() + "=" + label.getValue())
            .collect(Collectors.joining(", "));
  }
}
