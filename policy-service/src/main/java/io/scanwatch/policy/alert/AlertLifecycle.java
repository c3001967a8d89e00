package io.scanwatch.policy.alert;

import io.scanwatch.contracts.AlertEscalation;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.policy.rules.RuleResult;
import io.scanwatch.policy.verdict.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One alert per repository and tag: opened when the image first fails at an alerting priority,
 * updated when its priority or counted findings change, escalated when 75 % of the time to its
 * deadline has passed and again when the deadline has, and resolved when a later scan no longer
 * fails. Handling the same verdict twice yields the same event with the same id, so a redelivered
 * report can neither lose the event nor notify twice.
 */
public class AlertLifecycle {

  /** The share of the time from first sighting to the deadline after which an alert escalates. */
  static final double NEAR_DEADLINE = 0.75;

  private final AlertStore store;
  private final Set<Priority> alertingPriorities;
  private final Clock clock;

  public AlertLifecycle(AlertStore store, Set<Priority> alertingPriorities, Clock clock) {
    this.store = store;
    this.alertingPriorities = Set.copyOf(alertingPriorities);
    this.clock = clock;
  }

  /** The alert id of {@code image}: its repository and tag, or its digest when it has no tag. */
  public static String alertIdOf(ImageReference image) {
    return image.displayName();
  }

  /** The alert event {@code verdict} causes, if any, after recording the alert's new state. */
  public Optional<AlertEvent> onVerdict(Verdict verdict) {
    String alertId = alertIdOf(verdict.image());
    Optional<AlertRecord> current = store.find(alertId);
    String reportId = verdict.reportId();
    if (current.isPresent() && reportId.equals(current.get().lastReportId())) {
      // A redelivered report: the event it caused the first time, if it caused one.
      AlertRecord seen = current.get();
      boolean caused = seen.lastEvent() != null && reportId.equals(seen.lastEvent().reportId());
      return caused ? Optional.of(seen.lastEvent()) : Optional.empty();
    }
    boolean alerting = !verdict.passed() && alertingPriorities.contains(verdict.priority());
    if (alerting) {
      String fingerprint = fingerprint(verdict);
      if (current.isEmpty() || !current.get().open()) {
        AlertEvent firing = event(alertId, AlertState.FIRING, verdict, verdict.priority());
        store.save(
            new AlertRecord(
                alertId,
                AlertState.FIRING,
                verdict.priority(),
                verdict.inputReceivedAt(),
                reportId,
                reportId,
                null,
                fingerprint,
                null,
                firing));
        return Optional.of(firing);
      }
      AlertRecord open = current.get();
      if (fingerprint.equals(open.fingerprint())) {
        store.save(open.seenIn(reportId));
        return Optional.empty();
      }
      AlertEvent updated = event(alertId, AlertState.UPDATED, verdict, verdict.priority());
      store.save(
          new AlertRecord(
              alertId,
              AlertState.UPDATED,
              verdict.priority(),
              open.openedAt(),
              open.openedByReportId(),
              reportId,
              null,
              fingerprint,
              open.escalation(),
              updated));
      return Optional.of(updated);
    }
    if (current.isPresent() && current.get().open()) {
      AlertRecord open = current.get();
      AlertEvent resolved = event(alertId, AlertState.RESOLVED, verdict, open.priority());
      store.save(
          new AlertRecord(
              alertId,
              AlertState.RESOLVED,
              open.priority(),
              open.openedAt(),
              open.openedByReportId(),
              reportId,
              reportId,
              null,
              open.escalation(),
              resolved));
      return Optional.of(resolved);
    }
    current.ifPresent(seen -> store.save(seen.seenIn(reportId)));
    return Optional.empty();
  }

  /**
   * Escalates every open alert whose deadline is near or past, once per level, and returns the
   * events; call it on a schedule.
   */
  public List<AlertEvent> escalateDue() {
    Instant now = clock.instant();
    var escalations = new ArrayList<AlertEvent>();
    for (AlertRecord alert : store.open()) {
      AlertEvent last = alert.lastEvent();
      // A not-scanned alert fires at its deadline already; it is not escalated.
      if (last == null
          || last.reason() == AlertReason.NOT_SCANNED
          || last.deadline() == null
          || last.firstSeenAt() == null) {
        continue;
      }
      AlertEscalation due = dueLevel(last.firstSeenAt(), last.deadline(), now);
      if (due == null
          || (alert.escalation() != null && alert.escalation().compareTo(due) >= 0)
          || !store.escalate(alert.id(), alert.escalation(), due)) {
        continue;
      }
      escalations.add(escalation(alert, last, due, now));
    }
    return escalations;
  }

  static AlertEscalation dueLevel(Instant firstSeenAt, Instant deadline, Instant now) {
    if (!now.isBefore(deadline)) {
      return AlertEscalation.DEADLINE_PASSED;
    }
    long total = Duration.between(firstSeenAt, deadline).toMillis();
    Instant near = firstSeenAt.plusMillis((long) (total * NEAR_DEADLINE));
    return now.isBefore(near) ? null : AlertEscalation.DEADLINE_NEAR;
  }

  private static AlertEvent escalation(
      AlertRecord alert, AlertEvent last, AlertEscalation level, Instant now) {
    return new AlertEvent(
        EventIds.derived(
            last.deadline(), alert.id() + "/" + alert.openedByReportId() + "/escalated/" + level),
        now,
        last.correlationId(),
        alert.id(),
        AlertState.ESCALATED,
        alert.priority(),
        last.image(),
        last.counts(),
        last.violations(),
        last.topFindings(),
        last.firstSeenAt(),
        last.deadline(),
        last.reportId(),
        last.inputReceivedAt(),
        last.reason(),
        level,
        last.score(),
        last.grade(),
        last.rootCause(),
        last.labels());
  }

  /** The priority and the counted findings (or, for counts only, the counts) the alert is about. */
  private static String fingerprint(Verdict verdict) {
    String findings =
        verdict.countsOnly()
            ? String.valueOf(verdict.counts())
            : verdict.results().stream()
                .flatMap(
                    result ->
                        result instanceof RuleResult.Violation v
                            ? v.findings().stream()
                            : Stream.empty())
                .map(f -> f.vulnerabilityId() + "/" + f.packageName())
                .sorted()
                .distinct()
                .collect(Collectors.joining(","));
    return verdict.priority() + "|" + findings;
  }

  private AlertEvent event(String alertId, AlertState state, Verdict verdict, Priority priority) {
    return new AlertEvent(
        EventIds.derived(verdict.inputReceivedAt(), verdict.reportId() + "/alert/" + state),
        clock.instant(),
        verdict.correlationId(),
        alertId,
        state,
        priority,
        verdict.image(),
        verdict.counts(),
        verdict.policyViolations(),
        verdict.topFindings(),
        verdict.firstSeenAt(),
        verdict.deadline(),
        verdict.reportId(),
        verdict.inputReceivedAt(),
        AlertReason.POLICY_VIOLATION,
        null,
        verdict.score().value(),
        verdict.score().grade(),
        verdict.rootCause() == null ? null : verdict.rootCause().summary(),
        verdict.labels());
  }
}
