package io.scanwatch.notifier;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.notifier.delivery.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alert events for tests: a P0 alert that starts firing, with one fixable and one unfixable
 * finding.
 */
public final class AlertEvents {

  /** The deadline of every alert built here, as its message must show it. */
  public static final Instant DEADLINE = Instant.parse("2026-12-05T10:15:30Z");

  private AlertEvents() {}

  /** A unique image, so that tests sharing a receiver can tell their messages apart. */
  public static ImageReference uniqueImage() {
    return new ImageReference(
        "docker.io", "acme/api-" + UUID.randomUUID().toString().substring(0, 8), "1.2", null);
  }

  /** A notification of {@code alert} alone, as its first delivery to a receiver sends it. */
  public static Notification notification(AlertEvent alert) {
    return Notification.of(alert.eventId() + ":test", alert);
  }

  /** A P0 alert on {@code image} that starts firing, with a fresh event id. */
  public static AlertEvent p0Firing(ImageReference image) {
    return alert(image, Priority.P0, AlertState.FIRING);
  }

  /** An alert on {@code image} in the given priority and state, with a fresh event id. */
  public static AlertEvent alert(ImageReference image, Priority priority, AlertState state) {
    Instant now = Instant.parse("2026-12-03T10:15:30Z");
    String alertId = "alert-" + UUID.randomUUID();
    return new AlertEvent(
        EventIds.timeOrdered(now),
        now,
        "corr-" + UUID.randomUUID(),
        alertId,
        state,
        priority,
        image,
        new SeverityCounts(1, 0, 3, 2, 0),
        List.of(new PolicyViolation("max-critical", "1 CRITICAL finding, at most 0 allowed")),
        List.of(
            new Finding(
                "CVE-2023-0286",
                "openssl",
                "1.1.1n-0+deb11u3",
                "1.1.1n-0+deb11u4",
                Severity.CRITICAL,
                "X.400 address type confusion"),
            new Finding(
                "CVE-2022-1304", "e2fsprogs", "1.46.2-2", null, Severity.MEDIUM, "out-of-bounds")),
        now.minusSeconds(3600),
        DEADLINE,
        "report-" + UUID.randomUUID(),
        now.minusMillis(40),
        AlertReason.POLICY_VIOLATION,
        null,
        74,
        "C",
        null,
        Map.of("team", "payments", "environment", "production"));
  }
}
