package io.scanwatch.policy.evaluation.kafka;

import io.scanwatch.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Creates the topics this service writes to when the broker does not have them yet, the dead-letter
 * topic of the one it reads among them.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationTopicsConfiguration {

  @Bean
  NewTopic verdictsTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.VERDICTS).partitions(partitions).build();
  }

  @Bean
  NewTopic alertsTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.ALERTS).partitions(partitions).build();
  }

  @Bean
  NewTopic scanReportsTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.SCAN_REPORTS).partitions(partitions).build();
  }

  @Bean
  NewTopic scanReportsDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetterOf(Topics.SCAN_REPORTS)).partitions(1).build();
  }
}
