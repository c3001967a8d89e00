package io.scanwatch.policy.alert;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.policy.verdict.Verdict;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Opens an alert when an image starts failing at an alerting priority and resolves it when a later
 * scan passes. There is one alert per repository and tag. Handling the same verdict twice yields
 * the same event with the same id, so a redelivered report can neither lose the event nor notify
 * twice.
 */
public class AlertLifecycle {

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
    boolean alerting = !verdict.passed() && alertingPriorities.contains(verdict.priority());
    String reportId = verdict.reportId();

    if (alerting) {
      boolean opens =
          current.isEmpty()
              || !current.get().open()
              || current.get().openedByReportId().equals(reportId);
      if (!opens) {
        store.save(current.get().seenIn(reportId));
        return Optional.empty();
      }
      store.save(
          new AlertRecord(
              alertId,
              AlertState.FIRING,
              verdict.priority(),
              verdict.inputReceivedAt(),
              reportId,
              reportId,
              null));
      return Optional.of(event(alertId, AlertState.FIRING, verdict));
    }

    if (current.isPresent()
        && (current.get().open() || reportId.equals(current.get().resolvedByReportId()))) {
      store.save(current.get().resolvedBy(reportId));
      return Optional.of(event(alertId, AlertState.RESOLVED, verdict, current.get().priority()));
    }
    return Optional.empty();
  }

  private AlertEvent event(String alertId, AlertState state, Verdict verdict) {
    return event(alertId, state, verdict, verdict.priority());
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
        AlertReason.POLICY_VIOLATION);
  }
}
