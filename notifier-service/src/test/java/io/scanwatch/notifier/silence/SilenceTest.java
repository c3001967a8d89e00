package io.scanwatch.notifier.silence;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.notifier.AlertEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a silence matches, and when it applies. */
class SilenceTest {

  private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");
  private static final Instant END = Instant.parse("2026-12-04T16:00:00Z");
  private static final ImageReference IMAGE =
      new ImageReference("registry.acme.test", "shop/web", "1.0", null);

  @Test
  void aVulnerabilityMatcherHoldsBackOnlyAnAlertAboutThatVulnerabilityAlone() {
    // AlertEvents' alert reports CVE-2023-0286 and CVE-2022-1304.
    AlertEvent alert = AlertEvents.alert(IMAGE, Priority.P0, AlertState.FIRING);

    assertThat(silence(null, "CVE-2023-0286", null).matches(alert)).isFalse();
    assertThat(silence(null, "cve-2023-0286", null).matches(alertAbout("CVE-2023-0286"))).isTrue();
  }

  @Test
  void everyMatcherMustHold() {
    AlertEvent alert = AlertEvents.alert(IMAGE, Priority.P1, AlertState.FIRING);

    assertThat(silence("SHOP/*", null, Priority.P1).matches(alert)).isTrue();
    assertThat(silence("shop/*", null, Priority.P0).matches(alert)).isFalse();
    assertThat(silence("payments/**", null, null).matches(alert)).isFalse();
  }

  @Test
  void itAppliesFromItsStartUntilItsEnd() {
    Silence silence = silence("shop/**", null, null);

    assertThat(silence.stateAt(START.minusSeconds(1))).isEqualTo("pending");
    assertThat(silence.activeAt(START)).isTrue();
    assertThat(silence.activeAt(END.minusSeconds(1))).isTrue();
    assertThat(silence.activeAt(END)).isFalse();
    assertThat(silence.stateAt(END)).isEqualTo("expired");
  }

  private static AlertEvent alertAbout(String vulnerability) {
    AlertEvent template = AlertEvents.alert(IMAGE, Priority.P0, AlertState.FIRING);
    return new AlertEvent(
        template.eventId(),
        template.occurredAt(),
        template.correlationId(),
        template.alertId(),
        template.state(),
        template.priority(),
        template.image(),
        template.counts(),
        template.violations(),
        template.topFindings().stream()
            .filter(finding -> finding.vulnerabilityId().equals(vulnerability))
            .toList(),
        template.firstSeenAt(),
        template.deadline(),
        template.reportId(),
        template.inputReceivedAt(),
        template.reason(),
        template.escalation(),
        template.score(),
        template.grade(),
        template.rootCause(),
        template.labels());
  }

  private static Silence silence(String repository, String vulnerability, Priority priority) {
    return new Silence(
        "s-1", repository, vulnerability, priority, START, END, "alice", "why", START, "admin");
  }
}
