package io.scanwatch.support.kafka;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Events travel as JSON bytes written by {@link EventJson}; listeners receive them converted to the
 * record type of their parameter. A record that still fails after a few retries goes to its topic's
 * dead-letter topic ({@link Topics#deadLetterOf}) with the exception in its headers, so nothing is
 * dropped and the partition keeps moving.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaEventsAutoConfiguration {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  @Bean
  DefaultKafkaProducerFactoryCustomizer eventProducerSerializers() {
    return factory ->
        factory.updateConfigs(
            Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  @Bean
  DefaultKafkaConsumerFactoryCustomizer eventConsumerDeserializers() {
    return factory ->
        factory.updateConfigs(
            Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
  }

  @Bean
  RecordMessageConverter eventMessageConverter() {
    return new ByteArrayJacksonJsonMessageConverter(EventJson.mapper());
  }

  @Bean
  EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate) {
    return new EventPublisher(kafkaTemplate, SEND_TIMEOUT);
  }

  @Bean
  CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate) {
    var recoverer =
        new DeadLetterPublishingRecoverer(
            kafkaTemplate,
            (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
    var backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(5_000);
    backOff.setMaxElapsedTime(20_000);
    return new DefaultErrorHandler(recoverer, backOff);
  }

  @Bean
  CorrelationIdRecordInterceptor correlationIdRecordInterceptor() {
    return new CorrelationIdRecordInterceptor();
  }
}
