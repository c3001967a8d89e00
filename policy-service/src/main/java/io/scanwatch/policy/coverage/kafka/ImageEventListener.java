package io.scanwatch.policy.coverage.kafka;

import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.Topics;
import io.scanwatch.policy.coverage.ScanCoverage;
import io.scanwatch.policy.evaluation.ScanEvaluation;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Reads the registries' {@link ImageEvent}s into scan coverage and judges their scanners' counts,
 * and declares their topic (with the producer's partition count, so a consumer starting first does
 * not get a one-partition topic) and its dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ImageEventListener {

  private final ScanCoverage coverage;
  private final ScanEvaluation evaluation;

  ImageEventListener(ScanCoverage coverage, ScanEvaluation evaluation) {
    this.coverage = coverage;
    this.evaluation = evaluation;
  }

  @KafkaListener(id = "policy-image-events", topics = Topics.IMAGE_EVENTS)
  void onImageEvent(ImageEvent event) {
    coverage.onImageEvent(event);
    evaluation.evaluate(event);
  }

  @Bean
  NewTopic imageEventsTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.IMAGE_EVENTS).partitions(partitions).build();
  }

  @Bean
  NewTopic imageEventsDeadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetterOf(Topics.IMAGE_EVENTS)).partitions(1).build();
  }
}
