package io.scanwatch.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A change in an alert's life. Published by policy-service on {@link Topics#ALERTS}, keyed by
 * {@link #alertId()}, and turned into notifications by notifier-service.
 *
 * @param eventId time-ordered id, derived from the report and the state so a redelivered report
 *     yields the same id and the notifier can drop the duplicate
 * @param occurredAt when the state changed
 * @param correlationId carried over from the report that caused the change
 * @param alertId stable id of the alert: one per repository and tag
 * @param state the new state
 * @param priority the alert's priority
 * @param image the image the alert is about
 * @param counts unique findings per severity in the scan that caused the change; {@code null} when
 *     no scan is known (a {@link AlertReason#NOT_SCANNED} alert)
 * @param violations the rules the image broke
 * @param topFindings the most severe findings, fixable first, for the message
 * @param firstSeenAt when the oldest finding behind the priority was first seen on the repository
 * @param deadline when the fix is due; a rescan does not move it
 * @param reportId the report that caused the change, or {@code null} when no report did
 * @param inputReceivedAt when ingest-service received that report
 * @param reason why the alert exists; events written before it was added read as {@link
 *     AlertReason#POLICY_VIOLATION}
 * @param escalation for {@link AlertState#ESCALATED}, how close the deadline is; else {@code null}
 * @param score the image's security score, or {@code null} when not scanned
 * @param grade the score's letter grade, or {@code null}
 * @param rootCause the root-cause hint in a sentence, or {@code null}
 * @param labels the image's labels (team, environment) as its report or webhook source gave them;
 *     notification routes match on them
 */
public record AlertEvent(
    UUID eventId,
    Instant occurredAt,
    String correlationId,
    String alertId,
    AlertState state,
    Priority priority,
    ImageReference image,
    SeverityCounts counts,
    List<PolicyViolation> violations,
    List<Finding> topFindings,
    Instant firstSeenAt,
    Instant deadline,
    String reportId,
    Instant inputReceivedAt,
    AlertReason reason,
    AlertEscalation escalation,
    Integer score,
    String grade,
    String rootCause,
    Map<String, String> labels) {

  public AlertEvent {
    reason = reason == null ? AlertReason.POLICY_VIOLATION : reason;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    violations = List.copyOf(violations);
    topFindings = List.copyOf(topFindings);
  }
}
