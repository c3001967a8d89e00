package io.scanwatch.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.AlertEscalation;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.FindingChanges;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.MutableClock;
import io.scanwatch.policy.alert.AlertLifecycle;
import io.scanwatch.policy.rootcause.DistributionReleases;
import io.scanwatch.policy.rootcause.RootCauseAnalysis;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.PolicyProperties;
import io.scanwatch.policy.rules.ScanSuppressions;
import io.scanwatch.policy.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The story that started Scanwatch, scan by scan: a backend image on {@code
 * python:3.11-slim-bullseye} with 4 CRITICAL and 7 HIGH findings from its Debian 11 base, a rescan
 * after one fix, the deadline approaching and passing, and the rebuild on bookworm that passes.
 */
class SeedStoryScenarioTest {

  private static final Instant FIRST_SCAN = Instant.parse("2024-09-02T09:00:00Z");
  private static final OperatingSystem BULLSEYE = new OperatingSystem("debian", "11.10", false);
  private static final OperatingSystem BOOKWORM = new OperatingSystem("debian", "12.7", false);

  private final InMemoryStores stores = new InMemoryStores();
  private final List<Duration> fixTimes = new ArrayList<>();
  private final MutableClock clock = new MutableClock(FIRST_SCAN);
  private final AlertLifecycle alerts = new AlertLifecycle(stores, Set.of(Priority.P0), clock);
  private final RootCauseAnalysis rootCause = new RootCauseAnalysis(DistributionReleases.bundled());
  private final ScanEvaluation evaluation =
      new ScanEvaluation(
          (image, labels) ->
              new PolicyProperties(Map.of(Severity.CRITICAL, 0, Severity.HIGH, 1)).defaultPolicy(),
          new PolicyEngine(
              id -> false,
              os -> rootCause.endOfLife(os, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))),
          ScanSuppressions.NONE,
          Evaluations.SHIPPED_SCORE,
          new DeadlineProperties(
              Duration.ofHours(48), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90)),
          stores,
          stores,
          rootCause,
          stores,
          facts -> {},
          fixTimes::add,
          alerts,
          stores,
          clock);

  @Test
  void theBullseyeImageIsCaughtTrackedEscalatedAndConfirmedFixedOnBookworm() {
    // Monday 09:00: the first scan, 4 CRITICAL and 7 HIGH, all in Debian 11's packages.
    List<Finding> bullseye = new ArrayList<>();
    IntStream.range(0, 4)
        .forEach(i -> bullseye.add(osFinding("CVE-2024-100" + i, "libc6-" + i, Severity.CRITICAL)));
    IntStream.range(0, 7)
        .forEach(i -> bullseye.add(osFinding("CVE-2024-200" + i, "openssl-" + i, Severity.HIGH)));
    Verdict first = evaluation.evaluate(report("scan-1", "1.4.0", BULLSEYE, bullseye));

    assertThat(first.passed()).isFalse();
    assertThat(first.counts()).isEqualTo(new SeverityCounts(4, 7, 0, 0, 0));
    assertThat(first.score().value()).isEqualTo(74);
    assertThat(first.score().grade()).isEqualTo("C");
    assertThat(first.priority()).isEqualTo(Priority.P0);
    Instant deadline = FIRST_SCAN.plus(Duration.ofHours(48));
    assertThat(first.deadline()).isEqualTo(deadline);
    assertThat(first.diff().changes()).isEqualTo(new FindingChanges(11, 0, 0, 0));
    assertThat(first.rootCause().summary())
        .isEqualTo(
            "11 of 11 counted findings come from OS packages of Debian 11 \"bullseye\", end of life"
                + " since 2024-08-14: rebuild on Debian 12 \"bookworm\"");
    AlertEvent firing = stores.alertEvents.getLast();
    assertThat(firing.state()).isEqualTo(AlertState.FIRING);
    assertThat(firing.score()).isEqualTo(74);
    assertThat(firing.rootCause()).contains("bookworm");

    // Monday 21:00: a rescan with one CRITICAL fixed; the deadline does not move.
    clock.advance(Duration.ofHours(12));
    Verdict second =
        evaluation.evaluate(report("scan-2", "1.4.0", BULLSEYE, bullseye.subList(1, 11)));

    assertThat(second.counts()).isEqualTo(new SeverityCounts(3, 7, 0, 0, 0));
    assertThat(second.diff().changes()).isEqualTo(new FindingChanges(0, 10, 1, 0));
    assertThat(second.deadline()).isEqualTo(deadline);
    assertThat(fixTimes)
        .as("the CRITICAL fixed after 12 hours")
        .containsExactly(Duration.ofHours(12));
    assertThat(stores.alertEvents.getLast().state()).isEqualTo(AlertState.UPDATED);
    assertThat(stores.alertEvents.getLast().alertId()).isEqualTo(firing.alertId());

    // Tuesday 21:00: 36 of the 48 hours have passed; then Wednesday 10:00, the deadline has.
    clock.set(FIRST_SCAN.plus(Duration.ofHours(36)));
    assertThat(alerts.escalateDue())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.state()).isEqualTo(AlertState.ESCALATED);
              assertThat(e.escalation()).isEqualTo(AlertEscalation.DEADLINE_NEAR);
            });
    assertThat(alerts.escalateDue()).as("once per level").isEmpty();
    clock.set(FIRST_SCAN.plus(Duration.ofHours(49)));
    assertThat(alerts.escalateDue())
        .singleElement()
        .satisfies(e -> assertThat(e.escalation()).isEqualTo(AlertEscalation.DEADLINE_PASSED));

    // Wednesday 11:00: the rebuild on bookworm: no CRITICAL, one HIGH left; it passes.
    clock.advance(Duration.ofHours(1));
    List<Finding> rebuilt = List.of(osFinding("CVE-2024-2000", "openssl-0", Severity.HIGH));
    ScanReported rebuild = report("scan-3", "1.4.0", BOOKWORM, rebuilt);
    Verdict third = evaluation.evaluate(rebuild);

    assertThat(third.passed()).isTrue();
    assertThat(third.score().value()).isEqualTo(96);
    assertThat(third.score().grade()).isEqualTo("A");
    assertThat(third.priority()).isEqualTo(Priority.P3);
    assertThat(third.rootCause()).as("bookworm is the current stable release then").isNull();
    assertThat(third.diff().changes()).isEqualTo(new FindingChanges(0, 1, 9, 0));
    assertThat(fixTimes.subList(1, fixTimes.size())).hasSize(9).containsOnly(Duration.ofHours(50));
    AlertEvent resolved = stores.alertEvents.getLast();
    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);

    // The same rebuild report delivered again yields the same event, with the same id.
    int events = stores.alertEvents.size();
    evaluation.evaluate(rebuild);
    assertThat(fixTimes).as("a redelivery fixes nothing again").hasSize(10);
    assertThat(stores.alertEvents).hasSize(events + 1);
    assertThat(stores.alertEvents.getLast().eventId()).isEqualTo(resolved.eventId());
    assertThat(stores.alertEvents)
        .extracting(AlertEvent::state)
        .containsExactly(
            AlertState.FIRING, AlertState.UPDATED, AlertState.RESOLVED, AlertState.RESOLVED);
  }

  @Test
  void aFindingThatComesBackAfterAFixIsReopenedAndKeepsItsFirstSighting() {
    Finding critical = osFinding("CVE-2024-3000", "zlib", Severity.CRITICAL);
    evaluation.evaluate(report("r-1", "2.0", BULLSEYE, List.of(critical)));
    clock.advance(Duration.ofHours(1));
    evaluation.evaluate(report("r-2", "2.0", BULLSEYE, List.of()));
    clock.advance(Duration.ofHours(1));

    Verdict back = evaluation.evaluate(report("r-3", "2.0", BULLSEYE, List.of(critical)));

    assertThat(back.diff().changes()).isEqualTo(new FindingChanges(0, 0, 0, 1));
    assertThat(back.diff().reopened())
        .extracting(k -> k.vulnerabilityId())
        .containsExactly("CVE-2024-3000");
    assertThat(back.firstSeenAt()).isEqualTo(FIRST_SCAN);
  }

  private ScanReported report(String id, String tag, OperatingSystem os, List<Finding> findings) {
    Instant now = clock.instant();
    return new ScanReported(
        EventIds.timeOrdered(now),
        now,
        "corr-" + id,
        id,
        now,
        new ImageReference("registry.example.test", "acme/backend", tag, null),
        os,
        findings,
        null,
        null);
  }

  private static Finding osFinding(String id, String packageName, Severity severity) {
    return new Finding(
        id,
        packageName,
        "1.0",
        "1.1",
        severity,
        null,
        new Finding.Details(
            "pkg:deb/debian/" + packageName + "@1.0",
            "fixed",
            null,
            null,
            null,
            "backend (debian 11.10)",
            "os-pkgs",
            "debian",
            null));
  }
}
