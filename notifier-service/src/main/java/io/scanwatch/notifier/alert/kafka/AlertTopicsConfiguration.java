package io.scanwatch.notifier.alert.kafka;

import io.scanwatch.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the alerts topic this service consumes, with the partitions its producer declares, and
 * its dead-letter topic. Declaring it here too matters: if this service started first, its consumer
 * would otherwise have the broker auto-create the topic with one partition, and it would not see
 * the partitions added later until its next metadata refresh, minutes later.
 */
@Configuration(proxyBeanMethods = false)
class AlertTopicsConfiguration {

  @Bean
  NewTopic alertsTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.ALERTS).partitions(partitions).build();
  }

  @Bean
  NewTopic alertsDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetterOf(Topics.ALERTS)).build();
  }
}
