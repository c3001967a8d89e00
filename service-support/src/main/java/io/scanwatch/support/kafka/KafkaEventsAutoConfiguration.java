package io.scanwatch.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Events travel as JSON bytes written by {@link EventJson}; listeners receive them converted to the
 * record type of their parameter. A record that still fails after a few retries goes to its topic's
 * dead-letter topic ({@link Topics#deadLetterOf}) with the exception in its headers, so nothing is
 * dropped and the partition keeps moving; each is counted in {@link DeadLetterMetrics}. Boot's own
 * {@code KafkaMetricsAutoConfiguration} binds the Kafka clients' metrics (consumer lag, producer
 * sends) of the factories this configures.
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
  DeadLetterMetrics deadLetterMetrics(ObjectProvider<MeterRegistry> registry) {
    // Without a registry (no actuator), the global one counts for nobody.
    return new DeadLetterMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
  }

  /** The dead-letter series of every topic a listener reads, from the start. */
  @Bean
  ApplicationListener<ContextRefreshedEvent> deadLetterSeries(
      ObjectProvider<KafkaListenerEndpointRegistry> listeners, DeadLetterMetrics metrics) {
    return event ->
        listeners.ifAvailable(
            registry ->
                registry.getListenerContainers().stream()
                    .map(MessageListenerContainer::getContainerProperties)
                    .map(properties -> properties.getTopics())
                    .filter(Objects::nonNull)
                    .flatMap(Arrays::stream)
                    .distinct()
                    .forEach(metrics::register));
  }

  @Bean
  CommonErrorHandler deadLetteringErrorHandler(
      KafkaTemplate<String, byte[]> kafkaTemplate, DeadLetterMetrics metrics) {
    var recoverer =
        new CountingDeadLetterRecoverer(
            kafkaTemplate,
            (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1),
            metrics);
    var backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(5_000);
    backOff.setMaxElapsedTime(20_000);
    var handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(UnprocessableEventException.class);
    return handler;
  }

  @Bean
  CorrelationIdRecordInterceptor correlationIdRecordInterceptor() {
    return new CorrelationIdRecordInterceptor();
  }
}
