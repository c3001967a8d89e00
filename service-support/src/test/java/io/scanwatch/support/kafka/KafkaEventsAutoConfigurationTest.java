package io.scanwatch.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.ImageEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;

class KafkaEventsAutoConfigurationTest {

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  KafkaEventsAutoConfiguration.class,
                  KafkaAutoConfiguration.class,
                  KafkaMetricsAutoConfiguration.class))
          // Nothing listens there: creating a client does not connect.
          .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
          .withBean(
              PrometheusMeterRegistry.class,
              () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

  @Test
  @SuppressWarnings("unchecked")
  void aRecordThatIsNotTheEventsJsonIsDeadLetteredAndCountedAsDeserialization() {
    KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    when(template.send(any(ProducerRecord.class)))
        .thenReturn(CompletableFuture.completedFuture(null));
    contexts
        .withBean("kafkaTemplate", KafkaTemplate.class, () -> template)
        .run(
            context -> {
              var registry = context.getBean(PrometheusMeterRegistry.class);
              String topic = "dead-letter-test." + System.nanoTime();
              var record =
                  new ConsumerRecord<String, byte[]>(
                      topic, 0, 7L, "key", "not json {".getBytes(StandardCharsets.UTF_8));
              var failure = listenerFailureConverting(record);
              var container = mock(MessageListenerContainer.class);
              when(container.getContainerProperties()).thenReturn(new ContainerProperties(topic));

              context
                  .getBean(CommonErrorHandler.class)
                  .handleOne(failure, record, mock(Consumer.class), container);

              verify(template).send(any(ProducerRecord.class));
              assertThat(deadLetters(registry, topic, "deserialization")).isEqualTo(1.0);
              assertThat(deadLetters(registry, topic, "processing")).isZero();
            });
  }

  @Test
  void everyTopicAListenerReadsHasItsDeadLetterSeriesFromTheStart() {
    var container = mock(MessageListenerContainer.class);
    when(container.getContainerProperties())
        .thenReturn(new ContainerProperties("listened.one", "listened.two"));
    var listeners = mock(KafkaListenerEndpointRegistry.class);
    when(listeners.getListenerContainers()).thenReturn(List.of(container));
    contexts
        .withBean(
            "org.springframework.kafka.config.internalKafkaListenerEndpointRegistry",
            KafkaListenerEndpointRegistry.class,
            () -> listeners)
        .run(
            context -> {
              String scraped = context.getBean(PrometheusMeterRegistry.class).scrape();

              for (String reason :
                  List.of("deserialization", "conversion", "processing", "other")) {
                assertThat(scraped)
                    .contains(
                        "scanwatch_dead_letters_total{reason=\""
                            + reason
                            + "\",topic=\"listened.two\"} 0");
              }
            });
  }

  @Test
  void reasonsAreASmallFixedSetToldFromTheExceptionsClasses() {
    var processing =
        new ListenerExecutionFailedException("listener failed", new IllegalStateException("x"));

    assertThat(DeadLetterMetrics.reasonOf(processing))
        .isEqualTo(DeadLetterMetrics.Reason.PROCESSING);
    assertThat(
            DeadLetterMetrics.reasonOf(
                new ListenerExecutionFailedException(
                    "no",
                    new org.springframework.messaging.converter.MessageConversionException("x"))))
        .isEqualTo(DeadLetterMetrics.Reason.CONVERSION);
    assertThat(DeadLetterMetrics.reasonOf(new IllegalStateException("x")))
        .isEqualTo(DeadLetterMetrics.Reason.OTHER);
  }

  @Test
  void theKafkaClientsMetricsOfTheConfiguredFactoriesAreBound() {
    contexts.run(
        context -> {
          var registry = context.getBean(PrometheusMeterRegistry.class);
          try (var consumer =
                  context.getBean(ConsumerFactory.class).createConsumer("metrics-test", "c");
              var producer = context.getBean(ProducerFactory.class).createProducer()) {
            String scraped = registry.scrape();

            assertThat(scraped).contains("kafka_consumer_fetch_manager_records_lag_max{");
            assertThat(scraped).contains("kafka_producer_record_send_total{");
          }
        });
  }

  /** What the listener adapter throws when the record's value is not the event's JSON. */
  private static ListenerExecutionFailedException listenerFailureConverting(
      ConsumerRecord<String, byte[]> record) {
    try {
      new ByteArrayJacksonJsonMessageConverter(EventJson.mapper())
          .toMessage(record, null, null, ImageEvent.class);
    } catch (RuntimeException e) {
      return new ListenerExecutionFailedException("the listener could not be invoked", e);
    }
    throw new AssertionError("a record that is not JSON was converted");
  }

  private static double deadLetters(PrometheusMeterRegistry registry, String topic, String reason) {
    Matcher line =
        Pattern.compile("(?m)^scanwatch_dead_letters_total\\{([^}]*)} (\\S+)$")
            .matcher(registry.scrape());
    while (line.find()) {
      if (line.group(1).contains("topic=\"" + topic + "\"")
          && line.group(1).contains("reason=\"" + reason + "\"")) {
        return Double.parseDouble(line.group(2));
      }
    }
    return 0;
  }
}
