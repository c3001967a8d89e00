package io.scanwatch.notifier.channel.email;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;

/** Adds the e-mail receiver when at least one recipient is configured. */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

  private static final String PREFIX = "scanwatch.notifier.email";

  @Bean
  @Conditional(RecipientsConfigured.class)
  EmailChannel emailChannel(JavaMailSender mailSender, EmailProperties properties) {
    return new EmailChannel(mailSender, properties);
  }

  /** Matches when at least one recipient is configured. */
  static class RecipientsConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean configured =
          Binder.get(context.getEnvironment())
              .bind(PREFIX, EmailProperties.class)
              .map(EmailProperties::enabled)
              .orElse(false);
      return configured
          ? ConditionOutcome.match(PREFIX + ".to is set")
          : ConditionOutcome.noMatch(PREFIX + ".to is empty: the e-mail receiver is off");
    }
  }
}
