package io.scanwatch.policy.coverage;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Watches that every pushed image gets scanned: a push starts a clock, a scan (a Trivy report or
 * the registry's own scanner) stops it, and an image still unscanned when the window is over gets
 * an alert of its own, resolved by the scan that finally comes.
 */
public class ScanCoverage {

  /** Overdue images handled per check; the rest wait for the next. */
  static final int BATCH = 500;

  static final String RULE = "scanned-within";

  private final PendingScans pending;
  private final AlertStore store;
  private final Consumer<AlertEvent> alerts;
  private final Duration window;
  private final Priority priority;
  private final Clock clock;

  /**
   * @param store where the alerts are kept, so the open ones are listed with the others
   * @param alerts where their events go
   */
  public ScanCoverage(
      PendingScans pending,
      AlertStore store,
      Consumer<AlertEvent> alerts,
      Duration window,
      Priority priority,
      Clock clock) {
    this.pending = pending;
    this.store = store;
    this.alerts = alerts;
    this.window = window;
    this.priority = priority;
    this.clock = clock;
  }

  /** What a registry said about an image. */
  public void onImageEvent(ImageEvent event) {
    switch (event.action()) {
      case PUSHED -> pushed(event);
      case SCAN_COMPLETED, SCAN_UNAVAILABLE ->
          resolve(
              pending.scanned(
                  event.registry(),
                  event.repository(),
                  event.digest(),
                  event.tags(),
                  event.occurredAt()),
              event.correlationId());
      case DELETED ->
          resolve(
              pending.deleted(event.registry(), event.repository(), event.digest(), event.tags()),
              event.correlationId());
      // A failed scan is no scan: the image stays waiting, and alerted if it is late.
      case SCAN_FAILED -> {}
    }
  }

  /** A scan report about {@code image} arrived. */
  public void onScanReport(ImageReference image, Instant receivedAt, String correlationId) {
    resolve(
        pending.scanned(
            image.registry(),
            image.repository(),
            image.digest(),
            image.tag() == null ? List.of() : List.of(image.tag()),
            receivedAt),
        correlationId);
  }

  /** Fires the alert of every image whose window is over; returns how many fired. */
  public int alertOverdue() {
    int fired = 0;
    for (PendingScan late : pending.overdue(clock.instant(), BATCH)) {
      if (!pending.claimAlert(late.id())) {
        continue;
      }
      try {
        AlertEvent firing = event(late, AlertState.FIRING, late.correlationId());
        store.save(record(late, firing));
        alerts.accept(firing);
        fired++;
      } catch (RuntimeException e) {
        pending.releaseAlert(late.id());
        throw e;
      }
    }
    return fired;
  }

  private void pushed(ImageEvent event) {
    if (event.digest() != null) {
      waitForScan(event, null);
    } else {
      // Registries that send no digest (Docker Hub, Quay) name the image by its tags alone.
      event.tags().forEach(tag -> waitForScan(event, tag));
    }
  }

  private void waitForScan(ImageEvent event, String tag) {
    pending.pushed(
        new PendingScan(
            PendingScan.idOf(event.registry(), event.repository(), event.digest(), tag),
            event.registry(),
            event.repository(),
            event.digest(),
            event.tags(),
            event.occurredAt(),
            event.occurredAt().plus(window),
            event.correlationId(),
            event.receivedAt(),
            false,
            event.labels()));
  }

  private void resolve(List<PendingScan> alerted, String correlationId) {
    for (PendingScan scan : alerted) {
      AlertEvent resolved = event(scan, AlertState.RESOLVED, correlationId);
      store.save(record(scan, resolved));
      alerts.accept(resolved);
    }
  }

  private static AlertRecord record(PendingScan scan, AlertEvent event) {
    return new AlertRecord(
        event.alertId(),
        event.state(),
        event.priority(),
        scan.pushedAt(),
        null,
        null,
        null,
        RULE,
        null,
        event);
  }

  private AlertEvent event(PendingScan scan, AlertState state, String correlationId) {
    String tag = scan.tags().isEmpty() ? null : scan.tags().getFirst();
    var image = new ImageReference(scan.registry(), scan.repository(), tag, scan.digest());
    String alertId = "not-scanned:" + scan.id();
    return new AlertEvent(
        EventIds.derived(scan.pushedAt(), alertId + "/" + state),
        clock.instant(),
        correlationId,
        alertId,
        state,
        priority,
        image,
        null,
        List.of(
            new PolicyViolation(
                RULE, "pushed at " + scan.pushedAt() + " and not scanned within " + window)),
        List.of(),
        scan.pushedAt(),
        scan.dueAt(),
        null,
        scan.receivedAt(),
        AlertReason.NOT_SCANNED,
        null,
        null,
        null,
        null,
        scan.labels());
  }
}
