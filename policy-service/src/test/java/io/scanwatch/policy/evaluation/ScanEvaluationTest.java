package io.scanwatch.policy.evaluation;

import static io.scanwatch.policy.Scans.ALPINE310;
import static io.scanwatch.policy.Scans.SPRING4SHELL;
import static io.scanwatch.policy.Scans.finding;
import static io.scanwatch.policy.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.alert.AlertLifecycle;
import io.scanwatch.policy.rootcause.DistributionReleases;
import io.scanwatch.policy.rootcause.RootCauseAnalysis;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.PolicyProperties;
import io.scanwatch.policy.rules.ScanSuppressions;
import io.scanwatch.policy.verdict.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanEvaluationTest {

  private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

  private final InMemoryStores stores = new InMemoryStores();
  private final Clock clock = Clock.fixed(MONDAY, ZoneOffset.UTC);
  private final ScanEvaluation evaluation =
      new ScanEvaluation(
          (image, labels) ->
              new PolicyProperties(Map.of(Severity.CRITICAL, 0, Severity.HIGH, 1)).defaultPolicy(),
          new PolicyEngine(vulnerability -> false, os -> os.endOfLife()),
          ScanSuppressions.NONE,
          Evaluations.SHIPPED_SCORE,
          new DeadlineProperties(
              Duration.ofHours(48), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90)),
          stores,
          stores,
          new RootCauseAnalysis(DistributionReleases.bundled()),
          stores,
          facts -> {},
          took -> {},
          new AlertLifecycle(stores, Set.of(Priority.P0), clock),
          stores,
          clock);

  @Test
  void aCriticalFindingFailsAtP0DueFortyEightHoursAfterItWasFirstSeen() {
    Verdict verdict =
        evaluation.evaluate(scan("r1", "acme/api", "1.0", MONDAY, List.of(SPRING4SHELL)));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.counts()).isEqualTo(new SeverityCounts(1, 0, 0, 0, 0));
    assertThat(verdict.priority()).isEqualTo(Priority.P0);
    assertThat(verdict.deadline()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    assertThat(stores.verdicts).containsKey("r1");
    assertThat(stores.verdictEvents).containsExactly(verdict);
  }

  @Test
  void aP0OpensOneFiringAlertWithTheFactsTheMessageNeeds() {
    evaluation.evaluate(scan("r1", "acme/api", "1.0", MONDAY, List.of(SPRING4SHELL)));

    AlertEvent alert = stores.alertEvents.getFirst();
    assertThat(stores.alertEvents).hasSize(1);
    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
    assertThat(alert.priority()).isEqualTo(Priority.P0);
    assertThat(alert.alertId()).isEqualTo("registry.example.test/acme/api:1.0");
    assertThat(alert.counts().critical()).isEqualTo(1);
    assertThat(alert.topFindings()).containsExactly(SPRING4SHELL);
    assertThat(alert.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("max-critical"));
    assertThat(alert.deadline()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    assertThat(alert.correlationId()).isEqualTo("corr-r1");
  }

  @Test
  void theImagesLabelsTravelWithItsVerdictAndAlertSoRoutesCanMatchThem() {
    ScanReported unlabelled = scan("r1", "acme/api", "1.0", MONDAY, List.of(SPRING4SHELL));
    Map<String, String> labels = Map.of("team", "payments", "environment", "production");
    ScanReported labelled =
        new ScanReported(
            unlabelled.eventId(),
            unlabelled.occurredAt(),
            unlabelled.correlationId(),
            unlabelled.reportId(),
            unlabelled.receivedAt(),
            unlabelled.image(),
            unlabelled.os(),
            unlabelled.findings(),
            unlabelled.summary(),
            unlabelled.part(),
            labels);

    Verdict verdict = evaluation.evaluate(labelled);

    assertThat(verdict.labels()).isEqualTo(labels);
    assertThat(stores.alertEvents)
        .singleElement()
        .satisfies(alert -> assertThat(alert.labels()).isEqualTo(labels));
  }

  @Test
  void aPassingReportWithFindingsIsP3DueInNinetyDaysAndAlertsNobody() {
    Verdict verdict = evaluation.evaluate(scan("r1", "acme/alpine", "3.10", MONDAY, ALPINE310));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.counts()).isEqualTo(new SeverityCounts(0, 0, 4, 0, 0));
    assertThat(verdict.priority()).isEqualTo(Priority.P3);
    assertThat(verdict.deadline()).isEqualTo(MONDAY.plus(Duration.ofDays(90)));
    assertThat(verdict.score().value()).isEqualTo(98);
    assertThat(verdict.score().grade()).isEqualTo("A+");
    assertThat(stores.verdictEvents).hasSize(1);
    assertThat(stores.alertEvents).isEmpty();
  }

  @Test
  void aReportWithNothingCountedHasNoPriorityAndAPerfectScore() {
    Verdict verdict = evaluation.evaluate(scan("r1", "acme/clean", "1.0", MONDAY, List.of()));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.priority()).isNull();
    assertThat(verdict.deadline()).isNull();
    assertThat(verdict.score().value()).isEqualTo(100);
  }

  @Test
  void twoHighFindingsFailAtP1WithoutAnAlertByDefault() {
    List<Finding> findings =
        List.of(
            finding("CVE-2099-0001", "openssl", Severity.HIGH),
            finding("CVE-2099-0002", "zlib", Severity.HIGH));

    Verdict verdict = evaluation.evaluate(scan("r1", "acme/api", "1.0", MONDAY, findings));

    assertThat(verdict.priority()).isEqualTo(Priority.P1);
    assertThat(verdict.deadline()).isEqualTo(MONDAY.plus(Duration.ofDays(7)));
    assertThat(stores.alertEvents).isEmpty();
  }

  @Test
  void aRescanDoesNotResetTheDeadline() {
    evaluation.evaluate(scan("r1", "acme/api", "1.0", MONDAY, List.of(SPRING4SHELL)));
    Finding bumpedButStillVulnerable =
        new Finding(
            SPRING4SHELL.vulnerabilityId(),
            SPRING4SHELL.packageName(),
            "5.3.16",
            "5.3.18",
            Severity.CRITICAL,
            null);

    Verdict rescan =
        evaluation.evaluate(
            scan(
                "r2",
                "acme/api",
                "1.0",
                MONDAY.plus(Duration.ofDays(1)),
                List.of(bumpedButStillVulnerable)));

    assertThat(rescan.deadline()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    assertThat(stores.alertEvents).as("the alert is already open").hasSize(1);
  }

  @Test
  void theSameReportTwiceYieldsTheSameEventsWithTheSameIds() {
    var report = scan("r1", "acme/api", "1.0", MONDAY, List.of(SPRING4SHELL));

    Verdict first = evaluation.evaluate(report);
    Verdict second = evaluation.evaluate(report);

    assertThat(second).usingRecursiveComparison().ignoringFields("diff.firstTime").isEqualTo(first);
    assertThat(second.diff().firstTime()).as("the second is answered from the record").isFalse();
    assertThat(stores.alertEvents).hasSize(2);
    assertThat(stores.alertEvents.get(1)).isEqualTo(stores.alertEvents.get(0));
  }

  @Test
  void aLaterPassingScanResolvesTheAlertAndALaterFailureOpensItAgain() {
    evaluation.evaluate(scan("r1", "acme/api", "1.0", MONDAY, List.of(SPRING4SHELL)));
    evaluation.evaluate(scan("r2", "acme/api", "1.0", MONDAY.plusSeconds(60), ALPINE310));
    evaluation.evaluate(
        scan("r3", "acme/api", "1.0", MONDAY.plusSeconds(120), List.of(SPRING4SHELL)));

    assertThat(stores.alertEvents)
        .extracting(AlertEvent::state, AlertEvent::reportId)
        .containsExactly(
            tuple(AlertState.FIRING, "r1"),
            tuple(AlertState.RESOLVED, "r2"),
            tuple(AlertState.FIRING, "r3"));
    assertThat(stores.alertEvents).extracting(AlertEvent::eventId).doesNotHaveDuplicates();
  }

  @Test
  void tagsOfOneRepositoryHaveAlertsOfTheirOwn() {
    evaluation.evaluate(scan("r1", "acme/api", "1.0", MONDAY, List.of(SPRING4SHELL)));
    evaluation.evaluate(scan("r2", "acme/api", "2.0", MONDAY, List.of(SPRING4SHELL)));

    assertThat(stores.alertEvents)
        .extracting(AlertEvent::alertId)
        .containsExactly(
            "registry.example.test/acme/api:1.0", "registry.example.test/acme/api:2.0");
  }
}
