package io.scanwatch.notifier.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackChannelFactoryTest {

  private static final String SECRET_URL = "https://hooks.slack.com/services/T0/B0/s3cr3tT0k3n";

  private final SlackChannelFactory factory = new SlackChannelFactory(ImageLinks.defaults());

  @Test
  void aWebhookUrlMakesASlackChannelLimitedToOneMessageASecond() {
    SlackChannel channel = factory.create(receiver("ops-slack", URI.create(SECRET_URL), null));

    assertThat(factory.type()).isEqualTo("slack");
    assertThat(channel.name()).isEqualTo("ops-slack");
    assertThat(channel.maxPerSecond()).isEqualTo(1);
    assertThat(channel.toString()).doesNotContain("s3cr3t").doesNotContain("hooks.slack.com");
    channel.close();
  }

  @Test
  void theRateLimitCanBeChanged() {
    SlackChannel channel = factory.create(receiver("ops-slack", URI.create(SECRET_URL), 0.5));

    assertThat(channel.maxPerSecond()).isEqualTo(0.5);
    channel.close();
  }

  @Test
  void aMissingUrlIsRefusedNamingTheReceiver() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver("ops-slack", null, null)))
        .withMessage("receiver 'ops-slack' (slack): url is required");
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedWithoutPrintingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                factory.create(
                    receiver("ops-slack", URI.create("ftp://hooks.slack.com/s3cr3tT0k3n"), null)))
        .withMessageContaining("'ops-slack'")
        .withMessageContaining("url")
        .withMessageNotContaining("s3cr3t");
  }

  @Test
  void aNameThatIsNotOneLowerCaseWordIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver("Ops Slack", URI.create(SECRET_URL), null)))
        .withMessageContaining("name");
  }

  @Test
  void aNegativeRateIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver("ops-slack", URI.create(SECRET_URL), -1.0)))
        .withMessageContaining("max-per-second");
  }

  private static ReceiverProperties receiver(String name, URI url, Double maxPerSecond) {
    return new ReceiverProperties(
        name, "slack", url, null, null, null, null, maxPerSecond, Duration.ofSeconds(1), null);
  }
}
