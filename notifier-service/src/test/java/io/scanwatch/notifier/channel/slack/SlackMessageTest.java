package io.scanwatch.notifier.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.AlertEscalation;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.NotificationText;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationKind;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlackMessageTest {

  private static final ImageLinks LINKS = ImageLinks.defaults();

  private final ImageReference image = AlertEvents.uniqueImage();
  private final AlertEvent alert = AlertEvents.p0Firing(image);

  @Test
  void theFallbackTextSaysPriorityImageCountsAndDeadline() {
    assertThat(render(alert).path("text").asString())
        .isEqualTo(
            "P0 · "
                + image.displayName()
                + ": CRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN 0;"
                + " fix by 2026-12-05T10:15:30Z (UTC)");
  }

  @Test
  void anImageWithoutAScanShowsItsCountsAsUnknownNotAsZeros() {
    JsonNode message = render(AlertEvents.notScanned(image));

    assertThat(message.path("text").asString())
        .contains(": unknown: no scan result;")
        .doesNotContain("CRITICAL 0");
    assertThat(message.path("blocks").path(1).path("fields").path(3).path("text").asString())
        .isEqualTo("*Score*\nnone");
  }

  @Test
  void theHeaderNamesPriorityAndImage() {
    JsonNode header = render(alert).path("blocks").path(0);

    assertThat(header.path("type").asString()).isEqualTo("header");
    assertThat(header.path("text").path("type").asString()).isEqualTo("plain_text");
    assertThat(header.path("text").path("text").asString())
        .isEqualTo("P0 · " + image.displayName());
  }

  @Test
  void theFieldsArePriorityDeadlineCountsScoreStateAndViolations() {
    JsonNode section = render(alert).path("blocks").path(1);

    assertThat(section.path("type").asString()).isEqualTo("section");
    assertThat(section.path("fields").valueStream())
        .allSatisfy(field -> assertThat(field.path("type").asString()).isEqualTo("mrkdwn"))
        .map(field -> field.path("text").asString())
        .containsExactly(
            "*Priority*\nP0",
            "*Deadline (UTC)*\n2026-12-05T10:15:30Z",
            "*Findings*\nCRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN 0",
            "*Score*\n74/100, grade C",
            "*State*\nFiring",
            "*Violations*\n• max-critical: 1 CRITICAL finding, at most 0 allowed");
  }

  @Test
  void theTopFindingsShowTheFixedVersionOrThatThereIsNone() {
    JsonNode findings = render(alert).path("blocks").path(2);

    assertThat(findings.path("text").path("text").asString())
        .isEqualTo(
            "*Top findings*\n"
                + "• CRITICAL CVE-2023-0286 in openssl 1.1.1n-0+deb11u3 → 1.1.1n-0+deb11u4\n"
                + "• MEDIUM CVE-2022-1304 in e2fsprogs 1.46.2-2 → no fix yet");
  }

  @Test
  void theRootCauseHasASectionOfItsOwn() {
    JsonNode blocks = render(AlertEvents.debian11P0()).path("blocks");

    assertThat(blocks.path(3).path("text").path("text").asString())
        .startsWith("*Root cause*\n52 of 59 counted findings come from OS packages of Debian 11");
  }

  @Test
  void aButtonLinksToTheImage() {
    JsonNode actions = render(alert).path("blocks").path(3);

    assertThat(actions.path("type").asString()).isEqualTo("actions");
    assertThat(actions.path("elements").path(0).path("type").asString()).isEqualTo("button");
    assertThat(actions.path("elements").path(0).path("url").asString())
        .isEqualTo(LINKS.of(image).toString());
  }

  @Test
  void theContextNamesTheAlertTheReportAndTheLabels() {
    JsonNode context = render(alert).path("blocks").path(4);

    assertThat(context.path("type").asString()).isEqualTo("context");
    assertThat(context.path("elements").path(0).path("text").asString())
        .isEqualTo(
            "Alert "
                + alert.alertId()
                + " · report "
                + alert.reportId()
                + " · environment=production, team=payments");
  }

  @Test
  void everyStateIsSaidInTheHeaderAndTheStateField() {
    assertThat(
            header(AlertEvents.inState(alert, AlertState.RESOLVED, null), NotificationKind.ALERT))
        .isEqualTo("Resolved: P0 · " + image.displayName());
    assertThat(
            header(
                AlertEvents.inState(alert, AlertState.ESCALATED, AlertEscalation.DEADLINE_PASSED),
                NotificationKind.ALERT))
        .isEqualTo("Escalated: deadline passed: P0 · " + image.displayName());
    assertThat(
            header(
                AlertEvents.inState(alert, AlertState.ESCALATED, AlertEscalation.DEADLINE_NEAR),
                NotificationKind.ALERT))
        .startsWith("Escalated: deadline near: ");
    assertThat(header(alert, NotificationKind.REPEAT)).startsWith("Still open: P0 · ");
    assertThat(header(alert, NotificationKind.TEST)).startsWith("Test message: P0 · ");
  }

  @Test
  void aGroupedMessageListsEveryAlertCompactlyWithAButtonEach() {
    AlertEvent other = AlertEvents.p0Firing(AlertEvents.uniqueImage());
    JsonNode message =
        SlackMessage.render(
            NotificationText.of(
                new Notification("n-1", NotificationKind.ALERT, List.of(alert, other), null),
                LINKS));

    JsonNode blocks = message.path("blocks");
    assertThat(blocks.path(0).path("text").path("text").asString()).isEqualTo("2 alerts: 2 P0");
    assertThat(blocks.path(1).path("text").path("text").asString())
        .isEqualTo(
            "*P0 · "
                + image.displayName()
                + "* · Firing\n"
                + "CRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN 0\n"
                + "Score 74/100, grade C · fix by 2026-12-05T10:15:30Z (UTC)\n"
                + "• CRITICAL CVE-2023-0286 in openssl 1.1.1n-0+deb11u3 → 1.1.1n-0+deb11u4\n"
                + "• MEDIUM CVE-2022-1304 in e2fsprogs 1.46.2-2 → no fix yet");
    assertThat(blocks.path(1).path("accessory").path("url").asString())
        .isEqualTo(LINKS.of(image).toString());
    assertThat(blocks.path(2).path("text").path("text").asString())
        .contains(other.image().displayName());
    assertThat(message.path("text").asString())
        .isEqualTo(
            "2 alerts: 2 P0: P0 · "
                + image.displayName()
                + " (Firing); P0 · "
                + other.image().displayName()
                + " (Firing)");
  }

  @Test
  void aLargeGroupShowsTenAlertsAndSaysHowManyMore() {
    List<AlertEvent> alerts =
        IntStream.range(0, 25)
            .mapToObj(i -> AlertEvents.p0Firing(AlertEvents.uniqueImage()))
            .toList();
    JsonNode message =
        SlackMessage.render(
            NotificationText.of(
                new Notification("n-2", NotificationKind.REPEAT, alerts, null), LINKS));

    JsonNode blocks = message.path("blocks");
    assertThat(blocks.size()).isEqualTo(1 + 10 + 1);
    assertThat(blocks.path(0).path("text").path("text").asString())
        .isEqualTo("Still open: 25 alerts: 25 P0");
    assertThat(blocks.path(11).path("elements").path(0).path("text").asString())
        .isEqualTo("and 15 more");
    assertThat(message.path("text").asString()).endsWith("; and 15 more");
  }

  @Test
  void anAlertWithoutFindingsHasNoFindingsBlock() {
    AlertEvent withoutFindings = withViolations(List.of());

    JsonNode blocks = render(withoutFindings).path("blocks");

    assertThat(blocks.valueStream().map(block -> block.path("type").asString()))
        .containsExactly("header", "section", "actions", "context");
    assertThat(blocks.path(1).path("fields").path(5).path("text").asString())
        .isEqualTo("*Violations*\nnone");
  }

  @Test
  void dataIsEscapedSoItCannotMentionEveryoneOrForgeLinks() {
    AlertEvent hostile =
        withViolations(
            List.of(new PolicyViolation("custom", "<!channel> see <https://evil|docs> & more")));

    JsonNode violations = render(hostile).path("blocks").path(1).path("fields").path(5);

    assertThat(violations.path("text").asString())
        .isEqualTo(
            "*Violations*\n• custom: &lt;!channel&gt; see &lt;https://evil|docs&gt; &amp; more");
  }

  @Test
  void aHeaderLongerThanSlackAllowsIsShortened() {
    var longImage = new ImageReference("ghcr.io", "acme/" + "x".repeat(300), "1.0", null);

    JsonNode header = render(AlertEvents.p0Firing(longImage)).path("blocks").path(0);

    assertThat(header.path("text").path("text").asString()).hasSize(150).endsWith("…");
  }

  private static JsonNode render(AlertEvent alert) {
    return SlackMessage.render(NotificationText.of(AlertEvents.notification(alert), LINKS));
  }

  private static String header(AlertEvent alert, NotificationKind kind) {
    return SlackMessage.render(
            NotificationText.of(new Notification("n", kind, List.of(alert), null), LINKS))
        .path("blocks")
        .path(0)
        .path("text")
        .path("text")
        .asString();
  }

  private AlertEvent withViolations(List<PolicyViolation> violations) {
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
