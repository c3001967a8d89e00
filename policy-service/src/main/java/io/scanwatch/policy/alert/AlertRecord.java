package io.scanwatch.policy.alert;

import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.Priority;
import java.time.Instant;

/**
 * The state of one alert, as policy-service keeps it between scans.
 *
 * @param id stable alert id, one per repository and tag
 * @param state where the alert is in its life
 * @param priority its priority when last opened
 * @param openedAt when it was last opened
 * @param openedByReportId the report that last opened it
 * @param lastReportId the latest report evaluated for it
 * @param resolvedByReportId the report that resolved it, or {@code null} while it is open
 */
public record AlertRecord(
    String id,
    AlertState state,
    Priority priority,
    Instant openedAt,
    String openedByReportId,
    String lastReportId,
    String resolvedByReportId) {

  public boolean open() {
    return state != AlertState.RESOLVED;
  }

  AlertRecord seenIn(String reportId) {
    return new AlertRecord(
        id, state, priority, openedAt, openedByReportId, reportId, resolvedByReportId);
  }

  AlertRecord resolvedBy(String reportId) {
    return new AlertRecord(
        id, AlertState.RESOLVED, priority, openedAt, openedByReportId, reportId, reportId);
  }
}
