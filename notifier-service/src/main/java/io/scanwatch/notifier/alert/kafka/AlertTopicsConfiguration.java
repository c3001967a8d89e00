package io.scanwatch.notifier.alert.kafka;

import io.scanwatch.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the dead-letter topic of the alerts this service consumes. The alerts topic itself
 * belongs to policy-service, its producer.
 */
@Configuration(proxyBeanMethods = false)
class AlertTopicsConfiguration {

  @Bean
  NewTopic alertsDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetterOf(Topics.ALERTS)).build();
  }
}
