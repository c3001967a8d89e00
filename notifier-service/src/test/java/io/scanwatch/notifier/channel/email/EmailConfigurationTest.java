package io.scanwatch.notifier.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmailConfigurationTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ConfigurationPropertiesAutoConfiguration.class,
                  ValidationAutoConfiguration.class))
          .withUserConfiguration(EmailConfiguration.class, Properties.class)
          .withBean(JavaMailSender.class, JavaMailSenderImpl::new)
          .withPropertyValues("scanwatch.notifier.email.from=scanwatch@localhost");

  @Test
  void theEmailReceiverIsOffWithoutRecipients() {
    contexts
        .withPropertyValues("scanwatch.notifier.email.to=")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmailChannel.class));
  }

  @Test
  void aCommaSeparatedListOfRecipientsTurnsTheEmailReceiverOn() {
    contexts
        .withPropertyValues("scanwatch.notifier.email.to=oncall@acme.test, security@acme.test")
        .run(
            context -> {
              assertThat(context).hasSingleBean(EmailChannel.class);
              assertThat(context.getBean(EmailProperties.class).to())
                  .containsExactly("oncall@acme.test", "security@acme.test");
            });
  }

  @Test
  void anInvalidRecipientStopsTheStart() {
    contexts
        .withPropertyValues("scanwatch.notifier.email.to=oncall@acme.test, not an address")
        .run(context -> assertThat(context).hasFailed());
  }

  @EnableConfigurationProperties(EmailProperties.class)
  static class Properties {}
}
