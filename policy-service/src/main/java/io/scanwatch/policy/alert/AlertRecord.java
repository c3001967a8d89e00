package io.scanwatch.policy.alert;

import io.scanwatch.contracts.AlertEscalation;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Priority;
import java.time.Instant;

/**
 * The state of one alert, as policy-service keeps it between scans.
 *
 * @param id stable alert id, one per repository and tag
 * @param state where the alert is in its life
 * @param priority its priority now
 * @param openedAt when it was last opened
 * @param openedByReportId the report that last opened it
 * @param lastReportId the latest report evaluated for it
 * @param resolvedByReportId the report that resolved it, or {@code null} while it is open
 * @param fingerprint what the alert says (priority and counted findings); a scan that changes it
 *     updates the alert
 * @param escalation how far it has been escalated, or {@code null}
 * @param lastEvent the last event published for it, the base of an escalation and of a replay
 */
public record AlertRecord(
    String id,
    AlertState state,
    Priority priority,
    Instant openedAt,
    String openedByReportId,
    String lastReportId,
    String resolvedByReportId,
    String fingerprint,
    AlertEscalation escalation,
    AlertEvent lastEvent) {

  public boolean open() {
    return state != AlertState.RESOLVED;
  }

  AlertRecord seenIn(String reportId) {
    return new AlertRecord(
        id,
        state,
        priority,
        openedAt,
        openedByReportId,
        reportId,
        resolvedByReportId,
        fingerprint,
        escalation,
        lastEvent);
  }

  public AlertRecord escalatedTo(AlertEscalation level) {
    return new AlertRecord(
        id,
        state,
        priority,
        openedAt,
        openedByReportId,
        lastReportId,
        resolvedByReportId,
        fingerprint,
        level,
        lastEvent);
  }
}
