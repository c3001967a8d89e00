package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.alert.AlertLifecycle;
import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.finding.FindingKey;
import io.scanwatch.policy.rules.Evaluation;
import io.scanwatch.policy.rules.Policy;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.RuleResult;
import io.scanwatch.policy.rules.ScanFacts;
import io.scanwatch.policy.rules.Suppressor;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides on one scan report: records when each finding was first seen, applies the policy, sets
 * priority and deadline, keeps the verdict, moves the alert, and publishes what changed. Every step
 * is idempotent, so a report delivered twice gives the same verdict and the same events.
 */
public class ScanEvaluation {

  private static final int TOP_FINDINGS = 5;
  private static final Comparator<Finding> MOST_PRESSING_FIRST =
      Comparator.comparing(Finding::severity)
          .thenComparing(finding -> !finding.fixable())
          .thenComparing(Finding::vulnerabilityId)
          .thenComparing(Finding::packageName);

  private final Policy policy;
  private final PolicyEngine engine;
  private final DeadlineProperties deadlines;
  private final FindingHistory history;
  private final VerdictStore verdicts;
  private final AlertLifecycle alerts;
  private final EvaluationEvents events;
  private final Clock clock;

  public ScanEvaluation(
      Policy policy,
      PolicyEngine engine,
      DeadlineProperties deadlines,
      FindingHistory history,
      VerdictStore verdicts,
      AlertLifecycle alerts,
      EvaluationEvents events,
      Clock clock) {
    this.policy = policy;
    this.engine = engine;
    this.deadlines = deadlines;
    this.history = history;
    this.verdicts = verdicts;
    this.alerts = alerts;
    this.events = events;
    this.clock = clock;
  }

  public Verdict evaluate(ScanReported report) {
    List<Finding> findings = Policy.unique(report.findings());
    Map<FindingKey, Instant> firstSeen =
        history.recordSeen(report.image().repositoryKey(), findings, report.receivedAt());
    Evaluation evaluation =
        engine.evaluate(
            policy,
            new ScanFacts(
                report.image(),
                Map.of(),
                report.os(),
                findings,
                null,
                null,
                null,
                report.receivedAt()),
            Suppressor.NONE);
    List<RuleResult> results = evaluation.results();
    boolean passed = evaluation.passed();

    Priority priority = passed ? null : priorityOf(findings, results);
    Instant firstSeenAt =
        passed ? null : oldestFirstSeen(behind(priority, findings, results), firstSeen, report);
    var verdict =
        new Verdict(
            report.reportId(),
            report.correlationId(),
            report.image(),
            policy.name(),
            passed,
            SeverityCounts.uniqueOf(findings),
            results,
            priority,
            firstSeenAt,
            passed ? null : firstSeenAt.plus(deadlines.of(priority)),
            findings.stream().sorted(MOST_PRESSING_FIRST).limit(TOP_FINDINGS).toList(),
            report.receivedAt(),
            clock.instant());

    verdicts.save(verdict);
    events.verdictIssued(verdict);
    alerts.onVerdict(verdict).ifPresent(events::alertChanged);
    return verdict;
  }

  /**
   * P0 when a CRITICAL finding is counted, P1 when HIGH findings break a rule, P2 for any other
   * failure.
   */
  private static Priority priorityOf(List<Finding> findings, List<RuleResult> results) {
    if (findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL)) {
      return Priority.P0;
    }
    boolean highViolated =
        violations(results).stream()
            .flatMap(violation -> violation.findings().stream())
            .anyMatch(f -> f.severity() == Severity.HIGH);
    return highViolated ? Priority.P1 : Priority.P2;
  }

  /** The findings that make the priority: their oldest sighting starts the deadline. */
  private static List<Finding> behind(
      Priority priority, List<Finding> findings, List<RuleResult> results) {
    return switch (priority) {
      case P0 -> findings.stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
      case P1 -> findings.stream().filter(f -> f.severity() == Severity.HIGH).toList();
      case P2, P3 ->
          violations(results).stream().flatMap(violation -> violation.findings().stream()).toList();
    };
  }

  private static Instant oldestFirstSeen(
      List<Finding> findings, Map<FindingKey, Instant> firstSeen, ScanReported report) {
    return findings.stream()
        .map(finding -> firstSeen.getOrDefault(FindingKey.of(finding), report.receivedAt()))
        .min(Comparator.naturalOrder())
        .orElse(report.receivedAt());
  }

  private static List<RuleResult.Violation> violations(List<RuleResult> results) {
    return results.stream()
        .filter(RuleResult.Violation.class::isInstance)
        .map(RuleResult.Violation.class::cast)
        .toList();
  }
}
