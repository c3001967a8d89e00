package io.scanwatch.notifier.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.notifier.AlertEvents;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlackMessageTest {

  private final ImageReference image = AlertEvents.uniqueImage();
  private final AlertEvent alert = AlertEvents.p0Firing(image);

  @Test
  void theFallbackTextSaysPriorityImageCountsAndDeadline() {
    JsonNode message = SlackMessage.render(alert);

    assertThat(message.path("text").asString())
        .isEqualTo(
            "P0 · "
                + image.displayName()
                + ": CRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN 0;"
                + " fix by 2026-12-05T10:15:30Z (UTC)");
  }

  @Test
  void anImageWithoutAScanShowsItsCountsAsUnknownNotAsZeros() {
    var notScanned =
        new AlertEvent(
            alert.eventId(),
            alert.occurredAt(),
            alert.correlationId(),
            "not-scanned:" + image.displayName(),
            alert.state(),
            alert.priority(),
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

    assertThat(SlackMessage.render(notScanned).path("text").asString())
        .contains(": unknown: no scan result;")
        .doesNotContain("CRITICAL 0");
  }

  @Test
  void theHeaderNamesPriorityAndImage() {
    JsonNode header = SlackMessage.render(alert).path("blocks").path(0);

    assertThat(header.path("type").asString()).isEqualTo("header");
    assertThat(header.path("text").path("type").asString()).isEqualTo("plain_text");
    assertThat(header.path("text").path("text").asString())
        .isEqualTo("P0 · " + image.displayName());
  }

  @Test
  void theFieldsArePriorityDeadlineCountsAndViolations() {
    JsonNode section = SlackMessage.render(alert).path("blocks").path(1);

    assertThat(section.path("type").asString()).isEqualTo("section");
    assertThat(section.path("fields").valueStream())
        .allSatisfy(field -> assertThat(field.path("type").asString()).isEqualTo("mrkdwn"))
        .map(field -> field.path("text").asString())
        .containsExactly(
            "*Priority*\nP0",
            "*Deadline (UTC)*\n2026-12-05T10:15:30Z",
            "*Findings*\nCRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN 0",
            "*Violations*\n• max-critical: 1 CRITICAL finding, at most 0 allowed");
  }

  @Test
  void theTopFindingsShowTheFixedVersionOrThatThereIsNone() {
    JsonNode findings = SlackMessage.render(alert).path("blocks").path(2);

    assertThat(findings.path("text").path("text").asString())
        .isEqualTo(
            "*Top findings*\n"
                + "• CRITICAL CVE-2023-0286 in openssl 1.1.1n-0+deb11u3 → 1.1.1n-0+deb11u4\n"
                + "• MEDIUM CVE-2022-1304 in e2fsprogs 1.46.2-2 → no fix yet");
  }

  @Test
  void theContextNamesTheAlertAndTheReport() {
    JsonNode context = SlackMessage.render(alert).path("blocks").path(3);

    assertThat(context.path("type").asString()).isEqualTo("context");
    assertThat(context.path("elements").path(0).path("text").asString())
        .isEqualTo("Alert " + alert.alertId() + " · FIRING · report " + alert.reportId());
  }

  @Test
  void anAlertWithoutFindingsHasNoFindingsBlock() {
    AlertEvent withoutFindings = withFindingsAndViolations(List.of());

    JsonNode blocks = SlackMessage.render(withoutFindings).path("blocks");

    assertThat(blocks.valueStream().map(block -> block.path("type").asString()))
        .containsExactly("header", "section", "context");
    assertThat(blocks.path(1).path("fields").path(3).path("text").asString())
        .isEqualTo("*Violations*\nnone");
  }

  @Test
  void dataIsEscapedSoItCannotMentionEveryoneOrForgeLinks() {
    AlertEvent hostile =
        withFindingsAndViolations(
            List.of(new PolicyViolation("custom", "<!channel> see <https://evil|docs> & more")));

    JsonNode violations =
        SlackMessage.render(hostile).path("blocks").path(1).path("fields").path(3);

    assertThat(violations.path("text").asString())
        .isEqualTo(
            "*Violations*\n• custom: &lt;!channel&gt; see &lt;https://evil|docs&gt; &amp; more");
  }

  @Test
  void aHeaderLongerThanSlackAllowsIsShortened() {
    var longImage = new ImageReference("ghcr.io", "acme/" + "x".repeat(300), "1.0", null);

    JsonNode header = SlackMessage.render(AlertEvents.p0Firing(longImage)).path("blocks").path(0);

    assertThat(header.path("text").path("text").asString()).hasSize(150).endsWith("…");
  }

  private AlertEvent withFindingsAndViolations(List<PolicyViolation> violations) {
    return new AlertEvent(
        alert.eventId(),
        alert.occurredAt(),
        alert.correlationId(),
        alert.alertId(),
        alert.state(),
        alert.priority(),
        alert.image(),
        alert.counts(),
        violations,
        List.of(),
        alert.firstSeenAt(),
        alert.deadline(),
        alert.reportId(),
        alert.inputReceivedAt(),
        alert.reason(),
        alert.escalation(),
        alert.score(),
        alert.grade(),
        alert.rootCause(),
        alert.labels());
  }
}
