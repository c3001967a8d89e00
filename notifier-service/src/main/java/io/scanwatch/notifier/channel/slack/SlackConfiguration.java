package io.scanwatch.notifier.channel.slack;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Adds the Slack receiver when a webhook URL is configured. */
@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

  private static final String PREFIX = "scanwatch.notifier.slack";

  @Bean
  @Conditional(WebhookUrlConfigured.class)
  SlackChannel slackChannel(SlackProperties properties) {
    return new SlackChannel(properties);
  }

  /** Matches when a webhook URL is configured. */
  static class WebhookUrlConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean configured =
          Binder.get(context.getEnvironment())
              .bind(PREFIX, SlackProperties.class)
              .map(SlackProperties::enabled)
              .orElse(false);
      return configured
          ? ConditionOutcome.match(PREFIX + ".webhook-url is set")
          : ConditionOutcome.noMatch(PREFIX + ".webhook-url is blank: the Slack receiver is off");
    }
  }
}
