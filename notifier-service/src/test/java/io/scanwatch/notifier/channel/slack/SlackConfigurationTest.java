package io.scanwatch.notifier.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class SlackConfigurationTest {

  private static final String SECRET_URL = "https://hooks.slack.com/services/T0/B0/s3cr3tT0k3n";

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ConfigurationPropertiesAutoConfiguration.class,
                  ValidationAutoConfiguration.class))
          .withUserConfiguration(SlackConfiguration.class, Properties.class)
          .withPropertyValues(
              "scanwatch.notifier.slack.connect-timeout=1s",
              "scanwatch.notifier.slack.read-timeout=2s");

  @Test
  void theSlackReceiverIsOffWhenTheWebhookUrlIsBlank() {
    contexts
        .withPropertyValues("scanwatch.notifier.slack.webhook-url=")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SlackChannel.class));
  }

  @Test
  void theSlackReceiverIsOnWhenAWebhookUrlIsSet() {
    contexts
        .withPropertyValues("scanwatch.notifier.slack.webhook-url=" + SECRET_URL)
        .run(context -> assertThat(context).hasSingleBean(SlackChannel.class));
  }

  @Test
  void aWebhookUrlThatIsNotHttpStopsTheStartWithoutPrintingIt() {
    contexts
        .withPropertyValues(
            "scanwatch.notifier.slack.webhook-url=ftp://hooks.slack.com/s3cr3tT0k3n")
        .run(
            context -> {
              assertThat(context).hasFailed();
              for (Throwable failure = context.getStartupFailure();
                  failure != null;
                  failure = failure.getCause()) {
                assertThat(String.valueOf(failure.getMessage())).doesNotContain("s3cr3t");
              }
            });
  }

  @Test
  void thePropertiesNeverPrintTheWebhookUrl() {
    var properties =
        new SlackProperties(URI.create(SECRET_URL), Duration.ofSeconds(1), Duration.ofSeconds(2));

    assertThat(properties.toString())
        .doesNotContain("s3cr3t")
        .doesNotContain("hooks.slack.com")
        .contains("(secret)", "PT1S", "PT2S");
  }

  @EnableConfigurationProperties(SlackProperties.class)
  static class Properties {}
}
