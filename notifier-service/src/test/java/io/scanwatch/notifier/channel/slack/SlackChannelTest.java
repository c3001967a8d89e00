package io.scanwatch.notifier.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.NotificationChannelContract;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.NotificationChannel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackChannelTest extends NotificationChannelContract {

  private static final String WEBHOOK_PATH = "/services/T000/B000/s3cr3tT0k3n";
  // Generous enough that a busy two-core CI machine still answers the first request in time.
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  @RegisterExtension
  static final WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SlackChannel channel;

  @BeforeEach
  void pointAtWireMock() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(ok("ok")));
    channel = slackChannelTo(URI.create(slack.baseUrl() + WEBHOOK_PATH));
  }

  @AfterEach
  void closeChannel() {
    channel.close();
  }

  @Override
  protected NotificationChannel channel() {
    return channel;
  }

  @Override
  protected NotificationChannel channelToClosedPort(int port) {
    return slackChannelTo(URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH));
  }

  @Override
  protected List<String> receivedMessages() {
    return slack.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH))).stream()
        .map(LoggedRequest::getBodyAsString)
        .toList();
  }

  @Test
  void theMessageIsPostedAsJson() {
    channel.deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));

    slack.verify(
        postRequestedFor(urlEqualTo(WEBHOOK_PATH))
            .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void a429IsRetryableAfterTheDelaySlackAsksFor() {
    slack.stubFor(
        post(WEBHOOK_PATH)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withBody("rate_limited")));

    assertThat(deliver())
        .isEqualTo(new RetryableFailure("HTTP 429: rate_limited", 429, Duration.ofSeconds(30)));
  }

  @Test
  void a500IsRetryable() {
    slack.stubFor(post(WEBHOOK_PATH).willReturn(aResponse().withStatus(500)));

    assertThat(deliver()).isEqualTo(new RetryableFailure("HTTP 500", 500, null));
  }

  @Test
  void a400IsPermanentAndKeepsSlacksReason() {
    slack.stubFor(
        post(WEBHOOK_PATH).willReturn(aResponse().withStatus(400).withBody("invalid_payload")));

    assertThat(deliver()).isEqualTo(new PermanentFailure("HTTP 400: invalid_payload", 400));
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsRetryable() {
    slack.stubFor(
        post(WEBHOOK_PATH)
            .willReturn(ok("ok").withFixedDelay((int) READ_TIMEOUT.multipliedBy(3).toMillis())));

    DeliveryOutcome outcome = deliver();

    assertThat(outcome)
        .asInstanceOf(type(RetryableFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.reason()).startsWith("timed out: ");
              assertThat(failure.reason()).doesNotContain("s3cr3t");
            });
  }

  @Test
  void aRefusedConnectionDoesNotRevealTheWebhookUrl() {
    try (var unreachable = (SlackChannel) channelToClosedPort(closedPort())) {
      var outcome =
          (RetryableFailure)
              unreachable.deliver(
                  AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));

      assertThat(outcome.reason()).startsWith("unreachable: ").doesNotContain("s3cr3t");
    }
  }

  private DeliveryOutcome deliver() {
    return channel.deliver(
        AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));
  }

  private static SlackChannel slackChannelTo(URI webhookUrl) {
    return new SlackChannel(new SlackProperties(webhookUrl, Duration.ofSeconds(1), READ_TIMEOUT));
  }
}
