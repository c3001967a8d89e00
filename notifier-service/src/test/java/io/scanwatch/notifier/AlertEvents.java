package io.scanwatch.notifier;

import io.scanwatch.contracts.AlertEscalation;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alert events for tests: a P0 alert that starts firing, with one fixable and one unfixable
 * finding; and the seed-like P0 of a Debian 11 backend that the golden Slack example shows.
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

  /**
   * The alert that started Scanwatch, as policy-service raises it: a {@code
   * python:3.11-slim-bullseye} backend with 4 CRITICAL and 7 HIGH findings, score 74 (C), whose
   * Debian 11 base is end of life. Every field is fixed, so its rendering can be compared with a
   * file.
   */
  public static AlertEvent debian11P0() {
    Instant firstSeen = Instant.parse("2026-03-02T09:00:00Z");
    Instant occurred = Instant.parse("2026-03-02T09:00:04Z");
    var image = new ImageReference("registry.acme.test", "shop/backend", "1.4.2", null);
    return new AlertEvent(
        UUID.fromString("0195f3a2-6b40-7c1e-9a53-4f0c2d8e1b7a"),
        occurred,
        "corr-7f3b2c",
        image.displayName(),
        AlertState.FIRING,
        Priority.P0,
        image,
        new SeverityCounts(4, 7, 15, 31, 2),
        List.of(
            new PolicyViolation("max-critical", "4 CRITICAL findings, at most 0 allowed"),
            new PolicyViolation("max-high", "7 HIGH findings, at most 1 allowed")),
        List.of(
            new Finding(
                "CVE-2022-37434",
                "zlib1g",
                "1:1.2.11.dfsg-2+deb11u1",
                "1:1.2.11.dfsg-2+deb11u2",
                Severity.CRITICAL,
                "zlib: heap-based buffer over-read in inflateGetHeader"),
            new Finding(
                "CVE-2022-1292",
                "libssl1.1",
                "1.1.1n-0+deb11u1",
                "1.1.1n-0+deb11u2",
                Severity.CRITICAL,
                "openssl: c_rehash script allows command injection"),
            new Finding(
                "CVE-2022-2068",
                "libssl1.1",
                "1.1.1n-0+deb11u1",
                "1.1.1n-0+deb11u3",
                Severity.CRITICAL,
                "openssl: the c_rehash script allows command injection"),
            new Finding(
                "CVE-2023-45853",
                "zlib1g",
                "1:1.2.11.dfsg-2+deb11u1",
                null,
                Severity.CRITICAL,
                "zlib: integer overflow in MiniZip"),
            new Finding(
                "CVE-2023-4911",
                "libc6",
                "2.31-13+deb11u3",
                "2.31-13+deb11u7",
                Severity.HIGH,
                "glibc: buffer overflow in ld.so leading to privilege escalation")),
        firstSeen,
        firstSeen.plus(Duration.ofHours(48)),
        "0195f3a2-5d11-7aa0-8c1f-2b9e4c6a0d13",
        occurred.minusMillis(850),
        AlertReason.POLICY_VIOLATION,
        null,
        74,
        "C",
        "52 of 59 counted findings come from OS packages of Debian 11 (bullseye), end of life"
            + " since 2024-08-14: rebuild on Debian 12 (bookworm)",
        Map.of("team", "shop", "environment", "production"));
  }

  /** {@code alert} in another state, e.g. escalated because its deadline passed. */
  public static AlertEvent inState(AlertEvent alert, AlertState state, AlertEscalation escalation) {
    return new AlertEvent(
        alert.eventId(),
        alert.occurredAt(),
        alert.correlationId(),
        alert.alertId(),
        state,
        alert.priority(),
        alert.image(),
        alert.counts(),
        alert.violations(),
        alert.topFindings(),
        alert.firstSeenAt(),
        alert.deadline(),
        alert.reportId(),
        alert.inputReceivedAt(),
        alert.reason(),
        escalation,
        alert.score(),
        alert.grade(),
        alert.rootCause(),
        alert.labels());
  }

  /** {@code alert} about an image with {@code labels}, as routes match on them. */
  public static AlertEvent withLabels(AlertEvent alert, Map<String, String> labels) {
    return new AlertEvent(
        alert.eventId(),
        alert.occurredAt(),
        alert.correlationId(),
        alert.alertId(),
        alert.state(),
        alert.priority(),
        alert.image(),
        alert.counts(),
        alert.violations(),
        alert.topFindings(),
        alert.firstSeenAt(),
        alert.deadline(),
        alert.reportId(),
        alert.inputReceivedAt(),
        alert.reason(),
        alert.escalation(),
        alert.score(),
        alert.grade(),
        alert.rootCause(),
        labels);
  }

  /** An alert about an image pushed and never scanned: no counts, score or findings. */
  public static AlertEvent notScanned(ImageReference image) {
    AlertEvent alert = p0Firing(image);
    return new AlertEvent(
        alert.eventId(),
        alert.occurredAt(),
        alert.correlationId(),
        "not-scanned:" + image.repositoryKey() + "@sha256:0f",
        AlertState.FIRING,
        Priority.P2,
        image,
        null,
        List.of(new PolicyViolation("scanned-within", "not scanned within PT30M")),
        List.of(),
        alert.firstSeenAt(),
        alert.deadline(),
        null,
        alert.inputReceivedAt(),
        AlertReason.NOT_SCANNED,
        null,
        null,
        null,
        null,
        alert.labels());
  }
}
