package io.scanwatch.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The policy decision for one scan report. Published by policy-service on {@link Topics#VERDICTS}
 * for every report, passing or not.
 *
 * @param eventId time-ordered id, derived from the report so a redelivered report yields the same
 *     id
 * @param occurredAt when the verdict was made
 * @param correlationId carried over from the report
 * @param reportId the report this verdict is about
 * @param inputReceivedAt when ingest-service received the report
 * @param image the evaluated image
 * @param passed whether every rule passed
 * @param counts unique findings per severity
 * @param violations the rules that failed; empty when {@code passed}
 * @param priority how urgent the fix is, or {@code null} when the image passed
 * @param deadline when the fix is due, or {@code null} when the image passed
 */
public record VerdictIssued(
    UUID eventId,
    Instant occurredAt,
    String correlationId,
    String reportId,
    Instant inputReceivedAt,
    ImageReference image,
    boolean passed,
    SeverityCounts counts,
    List<PolicyViolation> violations,
    Priority priority,
    Instant deadline) {

  public VerdictIssued {
    violations = List.copyOf(violations);
  }
}
