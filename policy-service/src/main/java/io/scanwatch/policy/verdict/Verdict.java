package io.scanwatch.policy.verdict;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.rules.RuleResult;
import java.time.Instant;
import java.util.List;

/**
 * The decision on one scan report.
 *
 * @param reportId the report decided on; one verdict per report
 * @param correlationId carried over from the report
 * @param image the image
 * @param policy the name of the policy applied
 * @param passed whether every rule passed
 * @param counts unique findings per severity
 * @param results every rule's result
 * @param priority how urgent the fix is; {@code null} when passed
 * @param firstSeenAt when the oldest finding behind the priority was first seen; {@code null} when
 *     passed
 * @param deadline when the fix is due; {@code null} when passed
 * @param topFindings the most pressing findings, most severe and fixable first
 * @param inputReceivedAt when ingest-service received the report
 * @param decidedAt when the verdict was made
 */
public record Verdict(
    String reportId,
    String correlationId,
    ImageReference image,
    String policy,
    boolean passed,
    SeverityCounts counts,
    List<RuleResult> results,
    Priority priority,
    Instant firstSeenAt,
    Instant deadline,
    List<Finding> topFindings,
    Instant inputReceivedAt,
    Instant decidedAt) {

  public Verdict {
    results = List.copyOf(results);
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
