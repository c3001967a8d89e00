package io.scanwatch.ingest.report.kafka;

import io.scanwatch.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates the topic this service writes to when the broker does not have it yet. */
@Configuration(proxyBeanMethods = false)
class ScanTopicsConfiguration {

  @Bean
  NewTopic scanReportsTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.SCAN_REPORTS).partitions(partitions).build();
  }
}
