package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.ScanSummary;
import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.alert.AlertLifecycle;
import io.scanwatch.policy.finding.FindingDiff;
import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.finding.FindingKey;
import io.scanwatch.policy.finding.TagFindings;
import io.scanwatch.policy.rootcause.RootCauseAnalysis;
import io.scanwatch.policy.rootcause.RootCauseHint;
import io.scanwatch.policy.rules.Evaluation;
import io.scanwatch.policy.rules.Policy;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.PolicySelector;
import io.scanwatch.policy.rules.RuleResult;
import io.scanwatch.policy.rules.ScanFacts;
import io.scanwatch.policy.rules.ScanSuppressions;
import io.scanwatch.policy.score.ScoreFormula;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides on scans: picks the image's policy, applies it with the exceptions and VEX statements in
 * force, scores the image, sets priority and deadline from the first sightings, compares with the
 * previous scan of the tag, finds the root cause, keeps the verdict, moves the alert and publishes
 * what changed. Every step is idempotent, so an input delivered twice gives the same verdict and
 * the same events. {@link #preview} decides the same way and changes nothing: the CI gate.
 */
public class ScanEvaluation {

  private static final int TOP_FINDINGS = 5;
  private static final Comparator<Finding> MOST_PRESSING_FIRST =
      Comparator.comparing(Finding::severity)
          .thenComparing(finding -> !finding.fixable())
          .thenComparing(Finding::vulnerabilityId)
          .thenComparing(Finding::packageName);

  /** The sighting that starts a deadline when a registry gives counts but no findings. */
  private static final String REGISTRY_COUNTS = "registry-counts:";

  private final PolicySelector policies;
  private final PolicyEngine engine;
  private final ScanSuppressions suppressions;
  private final ScoreFormula score;
  private final DeadlineProperties deadlines;
  private final FindingHistory history;
  private final TagFindings tags;
  private final RootCauseAnalysis rootCause;
  private final VerdictStore verdicts;
  private final ScanArchive archive;
  private final Consumer<Duration> fixTimes;
  private final AlertLifecycle alerts;
  private final EvaluationEvents events;
  private final Clock clock;

  public ScanEvaluation(
      PolicySelector policies,
      PolicyEngine engine,
      ScanSuppressions suppressions,
      ScoreFormula score,
      DeadlineProperties deadlines,
      FindingHistory history,
      TagFindings tags,
      RootCauseAnalysis rootCause,
      VerdictStore verdicts,
      ScanArchive archive,
      Consumer<Duration> fixTimes,
      AlertLifecycle alerts,
      EvaluationEvents events,
      Clock clock) {
    this.policies = policies;
    this.engine = engine;
    this.suppressions = suppressions;
    this.score = score;
    this.deadlines = deadlines;
    this.history = history;
    this.tags = tags;
    this.rootCause = rootCause;
    this.verdicts = verdicts;
    this.archive = archive;
    this.fixTimes = fixTimes;
    this.alerts = alerts;
    this.events = events;
    this.clock = clock;
  }

  /** Decides on a scan report, keeps the verdict and publishes it and the alert's change. */
  public Verdict evaluate(ScanReported report) {
    ScanFacts facts = factsOf(report);
    Verdict verdict = decide(facts, report.reportId(), report.correlationId(), true);
    archive.keep(facts);
    return record(verdict);
  }

  /**
   * Decides on a registry scanner's counts, once per tag the event names (or once for the digest);
   * nothing for other image events or a result that is unavailable.
   */
  public List<Verdict> evaluate(ImageEvent event) {
    if (event.action() != ImageAction.SCAN_COMPLETED
        || event.scan() == null
        || event.scan().counts() == null) {
      return List.of();
    }
    return event.images().stream()
        .map(
            image ->
                record(
                    decide(
                        new ScanFacts(
                            image,
                            event.labels(),
                            null,
                            List.of(),
                            event.scan().counts(),
                            null,
                            null,
                            event.receivedAt()),
                        "registry-scan:" + event.eventId() + ":" + image.displayName(),
                        event.correlationId(),
                        true)))
        .toList();
  }

  /** Decides as {@link #evaluate(ScanReported)} would, changing and publishing nothing. */
  public Verdict preview(ScanFacts facts, String correlationId) {
    return decide(facts, "preview", correlationId, false);
  }

  /** What a report says, as a policy judges it. */
  public static ScanFacts factsOf(ScanReported report) {
    ScanSummary summary = report.summary();
    return new ScanFacts(
        report.image(),
        report.labels(),
        report.os(),
        report.findings(),
        null,
        summary == null || summary.misconfigurations() == null
            ? null
            : summary.misconfigurations().total(),
        summary == null || summary.secrets() == null ? null : summary.secrets().total(),
        report.receivedAt());
  }

  private Verdict record(Verdict verdict) {
    verdicts.save(verdict);
    events.verdictIssued(verdict);
    alerts.onVerdict(verdict).ifPresent(events::alertChanged);
    return verdict;
  }

  private Verdict decide(ScanFacts facts, String reportId, String correlationId, boolean record) {
    ImageReference image = facts.image();
    Policy policy = policies.select(image, facts.labels());
    Evaluation evaluation = engine.evaluate(policy, facts, suppressions.forScan(image));
    Priority priority = priorityOf(evaluation);

    List<Finding> unique = Policy.unique(facts.findings());
    Set<FindingKey> sighted = keys(unique.stream());
    List<FindingKey> behind = behind(priority, evaluation);
    sighted.addAll(behind);
    Map<FindingKey, Instant> firstSeen =
        record
            ? history.recordSeen(image.repositoryKey(), sighted, facts.scannedAt())
            : history.firstSeen(image.repositoryKey(), behind);
    Instant firstSeenAt =
        priority == null
            ? null
            : behind.stream()
                .map(key -> firstSeen.getOrDefault(key, facts.scannedAt()))
                .min(Comparator.naturalOrder())
                .orElse(facts.scannedAt());

    FindingDiff diff = null;
    RootCauseHint hint = null;
    if (!evaluation.countsOnly()) {
      Set<FindingKey> current = keys(unique.stream());
      diff =
          record
              ? tags.record(image.displayName(), reportId, current)
              : tags.preview(image.displayName(), current);
      if (record && diff.firstTime()) {
        timeToFix(image, diff.fixed(), facts.scannedAt());
      }
      hint = rootCause.analyse(facts.os(), evaluation.counted(), today()).orElse(null);
    }
    return new Verdict(
        reportId,
        correlationId,
        image,
        evaluation.policy(),
        evaluation.passed(),
        evaluation.countsOnly(),
        evaluation.allCounts(),
        evaluation.countedCounts(),
        evaluation.results(),
        evaluation.suppressed(),
        evaluation.excluded(),
        evaluation.knownExploited().stream().map(Finding::vulnerabilityId).distinct().toList(),
        score.score(evaluation.countedCounts()),
        priority,
        firstSeenAt,
        priority == null ? null : firstSeenAt.plus(deadlines.of(priority)),
        evaluation.counted().stream().sorted(MOST_PRESSING_FIRST).limit(TOP_FINDINGS).toList(),
        diff,
        hint,
        facts.scannedAt(),
        clock.instant(),
        facts.labels());
  }

  /** How long each finding fixed by this scan was open: from its first sighting to this scan. */
  private void timeToFix(ImageReference image, List<FindingKey> fixed, Instant fixedAt) {
    if (fixed.isEmpty()) {
      return;
    }
    history
        .firstSeen(image.repositoryKey(), fixed)
        .values()
        .forEach(firstSeen -> fixTimes.accept(Duration.between(firstSeen, fixedAt)));
  }

  /**
   * A failing image is P0 when it has a counted CRITICAL or known-exploited finding, P1 when HIGH
   * findings break a rule, P2 for any other failure; a passing image with counted findings is P3,
   * one without has no priority.
   */
  static Priority priorityOf(Evaluation evaluation) {
    if (evaluation.passed()) {
      return evaluation.countedCounts().total() > 0 ? Priority.P3 : null;
    }
    if (evaluation.countedCounts().critical() > 0 || !evaluation.knownExploited().isEmpty()) {
      return Priority.P0;
    }
    boolean highViolated =
        evaluation.violations().stream().anyMatch(v -> v.rule().equals("max-high"));
    return highViolated ? Priority.P1 : Priority.P2;
  }

  /**
   * The findings that make the priority: their oldest sighting starts the deadline. A registry's
   * counts name no findings, so a sighting of "CRITICAL findings on this repository" stands in.
   */
  private static List<FindingKey> behind(Priority priority, Evaluation evaluation) {
    if (priority == null) {
      return List.of();
    }
    if (evaluation.countsOnly()) {
      Severity severity =
          switch (priority) {
            case P0 -> Severity.CRITICAL;
            case P1 -> Severity.HIGH;
            case P2, P3 -> null;
          };
      String what = severity == null ? priority.name() : severity.name();
      return List.of(new FindingKey(REGISTRY_COUNTS + what, "*"));
    }
    Stream<Finding> findings =
        switch (priority) {
          case P0 ->
              evaluation.counted().stream()
                  .filter(
                      f ->
                          f.severity() == Severity.CRITICAL
                              || evaluation.knownExploited().contains(f));
          case P1 -> evaluation.counted().stream().filter(f -> f.severity() == Severity.HIGH);
          case P2 -> {
            List<Finding> broke =
                evaluation.violations().stream()
                    .flatMap((RuleResult.Violation v) -> v.findings().stream())
                    .toList();
            yield broke.isEmpty() ? evaluation.counted().stream() : broke.stream();
          }
          case P3 -> evaluation.counted().stream();
        };
    return List.copyOf(keys(findings));
  }

  private static Set<FindingKey> keys(Stream<Finding> findings) {
    return findings.map(FindingKey::of).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
