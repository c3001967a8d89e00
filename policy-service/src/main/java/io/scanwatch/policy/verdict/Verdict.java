package io.scanwatch.policy.verdict;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.finding.FindingDiff;
import io.scanwatch.policy.rootcause.RootCauseHint;
import io.scanwatch.policy.rules.Evaluation;
import io.scanwatch.policy.rules.RuleResult;
import io.scanwatch.policy.score.Score;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The decision on one scan, with everything that went into it.
 *
 * @param reportId the report decided on (for a registry's scan, the image event's id); one verdict
 *     per report
 * @param correlationId carried over from the input
 * @param image the image
 * @param policy the name of the policy applied
 * @param passed whether no rule was violated
 * @param countsOnly whether only a registry scanner's counts were judged
 * @param allCounts unique findings per severity before the policy's filters and suppressions
 * @param counts the counted findings per severity
 * @param results every rule's result, with the findings that broke it
 * @param suppressed findings an exception or VEX statement suppressed, each with what did
 * @param excluded findings the policy's filters leave out, each with why
 * @param knownExploited ids of counted findings in the known-exploited catalogue
 * @param score the security score and grade, and how they were computed
 * @param priority how urgent the fix is; {@code null} when nothing counted was found
 * @param firstSeenAt when the oldest finding behind the priority was first seen on the repository
 * @param deadline when the fix is due; {@code null} without a priority
 * @param topFindings the most pressing counted findings, most severe and fixable first
 * @param diff how the findings compare with the previous scan of this tag; {@code null} for counts
 *     only
 * @param rootCause why the image has these findings, when the OS explains most of them
 * @param inputReceivedAt when ingest-service received the input
 * @param decidedAt when the verdict was made
 * @param labels the image's labels the policy was selected by; alerts carry them to routing
 */
public record Verdict(
    String reportId,
    String correlationId,
    ImageReference image,
    String policy,
    boolean passed,
    boolean countsOnly,
    SeverityCounts allCounts,
    SeverityCounts counts,
    List<RuleResult> results,
    List<Evaluation.Suppressed> suppressed,
    List<Evaluation.Excluded> excluded,
    List<String> knownExploited,
    Score score,
    Priority priority,
    Instant firstSeenAt,
    Instant deadline,
    List<Finding> topFindings,
    FindingDiff diff,
    RootCauseHint rootCause,
    Instant inputReceivedAt,
    Instant decidedAt,
    Map<String, String> labels) {

  public Verdict {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    results = List.copyOf(results);
    suppressed = List.copyOf(suppressed);
    excluded = List.copyOf(excluded);
    knownExploited = List.copyOf(knownExploited);
    topFindings = List.copyOf(topFindings);
  }

  /** The rules that failed. */
  public List<RuleResult.Violation> violations() {
    return results.stream()
        .filter(RuleResult.Violation.class::isInstance)
        .map(RuleResult.Violation.class::cast)
        .toList();
  }

  /** The rules that failed, as events and stored verdicts state them: rule and reason. */
  public List<PolicyViolation> policyViolations() {
    return violations().stream()
        .map(violation -> new PolicyViolation(violation.rule(), violation.reason()))
        .toList();
  }
}
