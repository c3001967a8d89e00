package io.scanwatch.notifier.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.HttpChannelContract;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import io.scanwatch.notifier.delivery.NotificationKind;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TeamsChannelTest extends HttpChannelContract {

  private static final String WORKFLOW_PATH = "/workflows/4f1c/triggers/manual/paths/invoke";
  private static final String SIGNATURE = "sig=s3cr3tW0rkfl0wSig";

  @Override
  protected String path() {
    return WORKFLOW_PATH;
  }

  @Override
  protected ResponseDefinitionBuilder accepted() {
    // A Workflows trigger answers 202 Accepted with an empty body.
    return aResponse().withStatus(202);
  }

  @Override
  protected NotificationChannel channelTo(URI baseUrl) {
    return new TeamsChannel(
        "ops-teams",
        URI.create(baseUrl + WORKFLOW_PATH + "?api-version=2016-06-01&" + SIGNATURE),
        1,
        CONNECT_TIMEOUT,
        READ_TIMEOUT,
        LINKS);
  }

  @Override
  protected List<String> secrets() {
    return List.of("s3cr3tW0rkfl0wSig");
  }

  @Test
  void aWorkflowsAnswerOf202IsDelivered() {
    assertThat(
            channel()
                .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage()))))
        .isEqualTo(new Delivered(202));
  }

  @Test
  void theMessageIsOneAdaptiveCardWithFactsFindingsAndALinkToTheImage() {
    AlertEvent alert = AlertEvents.debian11P0();

    channel().deliver(AlertEvents.notification(alert));

    JsonNode message = JsonMapper.shared().readTree(receivedMessages().getFirst());
    assertThat(message.path("type").asString()).isEqualTo("message");
    assertThat(message.path("attachments").size()).isEqualTo(1);
    JsonNode attachment = message.path("attachments").path(0);
    assertThat(attachment.path("contentType").asString())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.path("content");
    assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
    assertThat(card.path("version").asString()).isEqualTo("1.4");
    assertThat(card.path("body").path(0).path("text").asString())
        .isEqualTo("P0 · registry.acme.test/shop/backend:1.4.2");
    JsonNode facts = card.path("body").path(1);
    assertThat(facts.path("type").asString()).isEqualTo("FactSet");
    assertThat(facts.path("facts").valueStream())
        .map(fact -> fact.path("title").asString() + ": " + fact.path("value").asString())
        .containsExactly(
            "Image: registry.acme.test/shop/backend:1.4.2",
            "State: Firing",
            "Priority: P0",
            "Deadline (UTC): 2026-03-04T09:00:00Z",
            "Findings: CRITICAL 4 · HIGH 7 · MEDIUM 15 · LOW 31 · UNKNOWN 2",
            "Score: 74/100, grade C",
            "Labels: environment=production, team=shop");
    assertThat(card.path("body").valueStream().map(block -> block.path("text").asString()))
        .contains(
            "Top findings",
            "Root cause",
            "52 of 59 counted findings come from OS packages of Debian 11 (bullseye), end of life"
                + " since 2024-08-14: rebuild on Debian 12 (bookworm)")
        .anySatisfy(
            text ->
                assertThat(text)
                    .contains(
                        "CRITICAL CVE-2022-37434 in zlib1g 1:1.2.11.dfsg-2+deb11u1 → 1:1.2.11.dfsg-2+deb11u2"));
    JsonNode action = card.path("actions").path(0);
    assertThat(action.path("type").asString()).isEqualTo("Action.OpenUrl");
    assertThat(action.path("url").asString())
        .isEqualTo(
            "http://localhost:3000/d/scanwatch-image/scanwatch-image"
                + "?var-repository=registry.acme.test%2Fshop%2Fbackend&var-tag=1.4.2");
  }

  @Test
  void aGroupedMessageHasAContainerPerAlertAndSaysHowManyMore() {
    List<AlertEvent> alerts =
        IntStream.range(0, 12)
            .mapToObj(i -> AlertEvents.p0Firing(AlertEvents.uniqueImage()))
            .toList();

    channel().deliver(new Notification("n-1", NotificationKind.ALERT, alerts, null));

    JsonNode body =
        JsonMapper.shared()
            .readTree(receivedMessages().getFirst())
            .path("attachments")
            .path(0)
            .path("content")
            .path("body");
    assertThat(body.path(0).path("text").asString()).isEqualTo("12 alerts: 12 P0");
    assertThat(
            body.valueStream().filter(block -> block.path("type").asString().equals("Container")))
        .hasSize(10);
    assertThat(body.path(1).path("items").path(0).path("text").asString())
        .isEqualTo(
            "[P0 · "
                + alerts.getFirst().image().displayName()
                + "]("
                + LINKS.of(alerts.getFirst().image())
                + ")");
    assertThat(body.path(11).path("text").asString()).isEqualTo("and 2 more");
  }

  @Test
  void theFactoryNeedsAnHttpUrl() {
    var factory = new TeamsChannelFactory(ImageLinks.defaults());

    assertThat(factory.type()).isEqualTo("teams");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                factory.create(
                    new ReceiverProperties(
                        "ops-teams", "teams", null, null, null, null, null, null, null, null)))
        .withMessage("receiver 'ops-teams' (teams): url is required");
  }
}
