package io.scanwatch.notifier.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receivers are built at start, and a configuration that cannot work stops the service. */
class ReceiversTest {

  private static final ChannelFactory NEEDS_URL =
      new ChannelFactory() {
        @Override
        public String type() {
          return "hook";
        }

        @Override
        public NotificationChannel create(ReceiverProperties receiver) {
          if (receiver.url() == null) {
            throw new IllegalArgumentException("receiver " + receiver.name() + ": url is required");
          }
          return new Named(receiver.name());
        }
      };

  @Test
  void everyProblemIsNamedAtOnce() {
    List<ReceiverProperties> configured =
        List.of(
            receiver("ops", "hook", "https://hooks.example/1"),
            receiver("ops", "hook", "https://hooks.example/2"),
            receiver("Bad Name", "hook", "https://hooks.example/3"),
            receiver("pager", "pagerduty", null),
            receiver("audit", "hook", null));

    assertThatThrownBy(() -> Receivers.build(configured, List.of(NEEDS_URL)))
        .isInstanceOf(InvalidReceiversException.class)
        .hasMessageContaining("receiver ops is configured twice")
        .hasMessageContaining("receiver name \"Bad Name\"")
        .hasMessageContaining("receiver pager has type \"pagerduty\"; the types are [hook]")
        .hasMessageContaining("receiver audit: url is required");
  }

  @Test
  void theShorthandsAddASlackAndAnEmailReceiverAfterTheConfiguredOnes() {
    var properties =
        new ReceiversProperties(
            List.of(receiver("ops", "hook", "https://hooks.example/1")),
            URI.create("https://hooks.slack.com/services/T/B/s3cr3tXYZ"),
            List.of(" oncall@acme.example ", ""));

    assertThat(properties.all())
        .extracting(ReceiverProperties::name, ReceiverProperties::type)
        .containsExactly(tuple("ops", "hook"), tuple("slack", "slack"), tuple("email", "email"));
    assertThat(properties.all().get(2).to()).containsExactly("oncall@acme.example");
    assertThat(properties.toString()).doesNotContain("s3cr3tXYZ").contains("(secret)");
  }

  @Test
  void blankShorthandsAddNothing() {
    assertThat(new ReceiversProperties(null, URI.create(""), List.of("")).all()).isEmpty();
  }

  @Test
  void theConfigurationsSecretsStayOutOfItsText() {
    var receiver =
        new ReceiverProperties(
            "siem",
            "webhook",
            URI.create("https://siem.example/hook?token=t0k3n"),
            "xoxb-bot-token",
            null,
            null,
            "hmac-secret-value",
            null,
            null,
            null);

    assertThat(receiver.toString()).doesNotContain("t0k3n", "xoxb-bot-token", "hmac-secret-value");
  }

  private static ReceiverProperties receiver(String name, String type, String url) {
    return new ReceiverProperties(
        name, type, url == null ? null : URI.create(url), null, null, null, null, null, null, null);
  }

  private record Named(String name) implements NotificationChannel {
    @Override
    public String type() {
      return "hook";
    }

    @Override
    public double maxPerSecond() {
      return 0;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
      return new DeliveryOutcome.Delivered(200);
    }
  }
}
