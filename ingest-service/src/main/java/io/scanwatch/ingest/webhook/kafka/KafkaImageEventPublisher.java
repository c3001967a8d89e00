package io.scanwatch.ingest.webhook.kafka;

import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.Topics;
import io.scanwatch.ingest.webhook.ImageEventPublisher;
import io.scanwatch.support.kafka.EventPublisher;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Publishes {@link ImageEvent}s on {@link Topics#IMAGE_EVENTS}, keyed by repository so a push and
 * the scan that follows it are read in order, and declares the topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaImageEventPublisher {

  @Bean
  NewTopic imageEventsTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.IMAGE_EVENTS).partitions(partitions).build();
  }

  @Bean
  ImageEventPublisher imageEventPublisher(EventPublisher events) {
    return event ->
        events.publish(Topics.IMAGE_EVENTS, event.repositoryKey(), event.correlationId(), event);
  }
}
