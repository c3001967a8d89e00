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
 * @param counts unique findings per severity that the policy counts, after its filters and the
 *     suppressions
 * @param violations the rules that failed; empty when {@code passed}
 * @param priority how urgent the fix is, or {@code null} when nothing counted was found
 * @param deadline when the fix is due, or {@code null} without a priority
 * @param policy the name of the policy applied
 * @param countsOnly whether only a registry scanner's counts were judged (no findings known)
 * @param allCounts unique findings per severity before filters and suppressions
 * @param score the security score, 0 to 100
 * @param grade the score's letter grade
 * @param changes how the findings compare with the previous scan of the same tag, or {@code null}
 *     for counts only
 * @param rootCause the root-cause hint in a sentence, or {@code null}
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
    Instant deadline,
    String policy,
    boolean countsOnly,
    SeverityCounts allCounts,
    Integer score,
    String grade,
    FindingChanges changes,
    String rootCause) {

  public VerdictIssued {
    violations = List.copyOf(violations);
  }
}
