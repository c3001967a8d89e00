package io.scanwatch.notifier.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.HttpChannelContract;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.NotificationChannel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackChannelTest extends HttpChannelContract {

  private static final String WEBHOOK_PATH = "/services/T000/B000/s3cr3tT0k3n";

  @Override
  protected String path() {
    return WEBHOOK_PATH;
  }

  @Override
  protected NotificationChannel channelTo(URI baseUrl) {
    return new SlackChannel(
        "ops-slack", URI.create(baseUrl + WEBHOOK_PATH), 1, CONNECT_TIMEOUT, READ_TIMEOUT, LINKS);
  }

  @Override
  protected List<String> secrets() {
    return List.of("s3cr3tT0k3n");
  }

  @Test
  void theMessageIsPostedAsJson() {
    channel().deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));

    receiver.verify(
        postRequestedFor(urlEqualTo(WEBHOOK_PATH))
            .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void a429KeepsSlacksWordAndTheDelay() {
    receiverThrottles();

    assertThat(
            channel()
                .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage()))))
        .isEqualTo(new RetryableFailure("HTTP 429: rate_limited", 429, Duration.ofSeconds(7)));
  }

  @Test
  void a400IsPermanentAndKeepsSlacksReason() {
    receiverRefuses();

    assertThat(
            channel()
                .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage()))))
        .isEqualTo(new PermanentFailure("HTTP 400: invalid_payload", 400));
  }

  @Test
  void theTypeAndTheDefaultRateAreSlacks() {
    assertThat(channel().type()).isEqualTo("slack");
    assertThat(channel().name()).isEqualTo("ops-slack");
    assertThat(channel().maxPerSecond()).isEqualTo(1);
  }
}
