package io.scanwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class DeliveryPropertiesTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ConfigurationPropertiesAutoConfiguration.class,
                  ValidationAutoConfiguration.class))
          .withUserConfiguration(Properties.class)
          .withPropertyValues(
              "scanwatch.notifier.delivery.max-attempts=8",
              "scanwatch.notifier.delivery.initial-backoff=10s",
              "scanwatch.notifier.delivery.max-backoff=10m",
              "scanwatch.notifier.delivery.poll-interval=5s",
              "scanwatch.notifier.delivery.lease=2m");

  @Test
  void durationsAreReadInTheirShortForm() {
    contexts.run(
        context ->
            assertThat(context.getBean(DeliveryProperties.class).maxBackoff()).hasMinutes(10));
  }

  @Test
  void aMaximumBackoffShorterThanTheInitialOneStopsTheStart() {
    contexts
        .withPropertyValues("scanwatch.notifier.delivery.max-backoff=5s")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void aZeroPollIntervalStopsTheStart() {
    contexts
        .withPropertyValues("scanwatch.notifier.delivery.poll-interval=0s")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void fewerThanOneAttemptStopsTheStart() {
    contexts
        .withPropertyValues("scanwatch.notifier.delivery.max-attempts=0")
        .run(context -> assertThat(context).hasFailed());
  }

  @EnableConfigurationProperties(DeliveryProperties.class)
  static class Properties {}
}
