package io.scanwatch.policy.verdict.mongo;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A verdict as stored: the violations by rule and reason, and the findings that matter most. */
@Document("verdicts")
record VerdictDocument(
    @Id String reportId,
    String correlationId,
    ImageReference image,
    String repositoryKey,
    String policy,
    boolean passed,
    SeverityCounts counts,
    List<PolicyViolation> violations,
    Priority priority,
    Instant firstSeenAt,
    Instant deadline,
    List<Finding> topFindings,
    Instant inputReceivedAt,
    Instant decidedAt) {

  static VerdictDocument of(Verdict verdict) {
    return new VerdictDocument(
        verdict.reportId(),
        verdict.correlationId(),
        verdict.image(),
        verdict.image().repositoryKey(),
        verdict.policy(),
        verdict.passed(),
        verdict.counts(),
        verdict.policyViolations(),
        verdict.priority(),
        verdict.firstSeenAt(),
        verdict.deadline(),
        verdict.topFindings(),
        verdict.inputReceivedAt(),
        verdict.decidedAt());
  }
}
