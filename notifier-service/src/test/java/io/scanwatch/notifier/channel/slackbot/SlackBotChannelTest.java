package io.scanwatch.notifier.channel.slackbot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.HttpChannelContract;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcome.Delivered;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import io.scanwatch.notifier.delivery.NotificationKind;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackBotChannelTest extends HttpChannelContract {

  private static final String TOKEN = "xoxb-1234-s3cr3tB0tT0k3n";
  private static final String CHANNEL = "C0123456789";
  private static final String TS = "1767225600.000100";

  @Override
  protected String path() {
    return "/api/chat.postMessage";
  }

  @Override
  protected ResponseDefinitionBuilder accepted() {
    return okJson("{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"" + TS + "\"}");
  }

  @Override
  protected NotificationChannel channelTo(URI baseUrl) {
    return new SlackBotChannel(
        "ops-bot",
        URI.create(baseUrl + "/api"),
        TOKEN,
        CHANNEL,
        1,
        CONNECT_TIMEOUT,
        READ_TIMEOUT,
        LINKS);
  }

  @Override
  protected List<String> secrets() {
    return List.of(TOKEN, "s3cr3tB0tT0k3n");
  }

  @Test
  void aMessageIsPostedToTheChannelWithTheBotToken() {
    AlertEvent alert = AlertEvents.p0Firing(AlertEvents.uniqueImage());

    channel().deliver(AlertEvents.notification(alert));

    receiver.verify(
        postRequestedFor(urlPathEqualTo(path()))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8")));
    JsonNode body = lastBody();
    assertThat(body.path("channel").asString()).isEqualTo(CHANNEL);
    assertThat(body.has("thread_ts")).isFalse();
    assertThat(body.path("blocks").path(0).path("text").path("text").asString())
        .isEqualTo("P0 · " + alert.image().displayName());
  }

  @Test
  void theFirstMessageIsDeliveredWithItsTsToThreadUnder() {
    DeliveryOutcome outcome =
        channel()
            .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));

    assertThat(outcome).isEqualTo(new Delivered(200, TS));
  }

  @Test
  void anUpdateIsPostedInTheThreadOfTheFirstMessage() {
    AlertEvent resolved =
        AlertEvents.inState(
            AlertEvents.p0Firing(AlertEvents.uniqueImage()), AlertState.RESOLVED, null);
    receiver.stubFor(
        post(urlPathEqualTo(path()))
            .atPriority(1)
            .willReturn(
                okJson(
                    "{\"ok\":true,\"ts\":\"1767225700.000200\",\"message\":{\"thread_ts\":\""
                        + TS
                        + "\"}}")));

    DeliveryOutcome outcome =
        channel().deliver(new Notification("n-1", NotificationKind.ALERT, List.of(resolved), TS));

    assertThat(lastBody().path("thread_ts").asString()).isEqualTo(TS);
    assertThat(lastBody().path("text").asString()).startsWith("Resolved: P0 · ");
    // Slack asks to thread under the parent, never under a reply.
    assertThat(outcome).isEqualTo(new Delivered(200, TS));
  }

  @Test
  void slackRateLimitingInTheBodyIsRetriedAfterRetryAfter() {
    answer(okJson("{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "30"));

    assertThat(deliver())
        .isEqualTo(
            new RetryableFailure("Slack API error: ratelimited", 200, Duration.ofSeconds(30)));
  }

  @Test
  void slacksOwnFailuresAreRetryable() {
    for (String error :
        List.of("internal_error", "fatal_error", "service_unavailable", "request_timeout")) {
      answer(okJson("{\"ok\":false,\"error\":\"" + error + "\"}"));

      assertThat(deliver()).isEqualTo(new RetryableFailure("Slack API error: " + error, 200, null));
    }
  }

  @Test
  void errorsAboutTheRequestOrTheTokenArePermanent() {
    for (String error :
        List.of(
            "channel_not_found",
            "not_in_channel",
            "invalid_auth",
            "token_revoked",
            "invalid_blocks",
            "msg_too_long")) {
      answer(okJson("{\"ok\":false,\"error\":\"" + error + "\"}"));

      assertThat(deliver()).isEqualTo(new PermanentFailure("Slack API error: " + error, 200));
    }
  }

  @Test
  void anAnswerThatIsNotSlacksIsPermanentRatherThanPostedTwice() {
    answer(aResponse().withStatus(200).withBody("<html>proxy login</html>"));

    assertThat(deliver())
        .isEqualTo(new PermanentFailure("Slack API error: unreadable answer", 200));
  }

  @Test
  void theFactoryNeedsATokenAndAChannelIdAndDefaultsToSlacksApi() {
    var factory = new SlackBotChannelFactory(ImageLinks.defaults());

    assertThat(factory.type()).isEqualTo("slack-bot");
    try (SlackBotChannel channel = factory.create(receiver(TOKEN, CHANNEL))) {
      assertThat(channel.type()).isEqualTo("slack-bot");
      assertThat(channel.maxPerSecond()).isEqualTo(1);
      assertThat(channel.toString()).doesNotContain("s3cr3t");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver(null, CHANNEL)))
        .withMessage("receiver 'ops-bot' (slack-bot): token is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver(TOKEN, null)))
        .withMessage("receiver 'ops-bot' (slack-bot): channel is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver(TOKEN, "#security")))
        .withMessageContaining("channel id")
        .withMessageNotContaining("s3cr3t");
  }

  private static ReceiverProperties receiver(String token, String channel) {
    return new ReceiverProperties(
        "ops-bot", "slack-bot", null, token, channel, null, null, null, null, null);
  }

  private void answer(ResponseDefinitionBuilder response) {
    receiver.stubFor(post(urlPathEqualTo(path())).atPriority(1).willReturn(response));
  }

  private DeliveryOutcome deliver() {
    return channel()
        .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));
  }

  private JsonNode lastBody() {
    return JsonMapper.shared().readTree(receivedMessages().getLast());
  }
}
