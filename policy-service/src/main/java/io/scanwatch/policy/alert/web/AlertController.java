package io.scanwatch.policy.alert.web;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/alerts}: the open alerts, the nearest deadline first. */
@RestController
class AlertController {

  private final AlertStore alerts;

  AlertController(AlertStore alerts) {
    this.alerts = alerts;
  }

  /** One open alert, as its last event stated it. */
  record OpenAlert(
      String alertId,
      String state,
      String priority,
      Instant openedAt,
      String escalation,
      AlertEvent lastEvent) {

    static OpenAlert of(AlertRecord alert) {
      return new OpenAlert(
          alert.id(),
          alert.state().name(),
          alert.priority() == null ? null : alert.priority().name(),
          alert.openedAt(),
          alert.escalation() == null ? null : alert.escalation().name(),
          alert.lastEvent());
    }
  }

  record OpenAlerts(List<OpenAlert> alerts, int count) {}

  @GetMapping("/api/v1/alerts")
  OpenAlerts open() {
    List<OpenAlert> open =
        alerts.open().stream()
            .sorted(
                Comparator.comparing(
                    (AlertRecord a) ->
                        a.lastEvent() == null || a.lastEvent().deadline() == null
                            ? Instant.MAX
                            : a.lastEvent().deadline()))
            .map(OpenAlert::of)
            .toList();
    return new OpenAlerts(open, open.size());
  }
}
