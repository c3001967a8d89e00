package io.scanwatch.notifier.receiver;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Builds the receivers from configuration with the channel factories on the class path. */
@Configuration(proxyBeanMethods = false)
class ReceiverConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiverConfiguration.class);

  @Bean
  Receivers receivers(Environment environment, List<ChannelFactory> factories) {
    Receivers receivers =
        Receivers.build(
            ReceiversProperties.bind(
                    Binder.get(environment), ConfigurationPropertySources.get(environment))
                .all(),
            factories);
    if (receivers.all().isEmpty()) {
      LOG.warn(
          "No receiver is configured, so alerts are not notified: set SLACK_WEBHOOK_URL or"
              + " EMAIL_TO, or list receivers in SCANWATCH_NOTIFIER_CONFIG");
    } else {
      receivers
          .all()
          .forEach(
              channel -> LOG.info("Receiver {} ({}) is ready", channel.name(), channel.type()));
    }
    return receivers;
  }
}
