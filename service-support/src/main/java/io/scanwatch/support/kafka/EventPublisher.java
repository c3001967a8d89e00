package io.scanwatch.support.kafka;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes events as JSON and waits for the broker's acknowledgement, so a caller that returns
 * normally knows the event is durable. No Java type information travels with the record: the topic
 * says what it holds.
 */
public class EventPublisher {

  private final KafkaTemplate<String, byte[]> template;
  private final Duration sendTimeout;

  public EventPublisher(KafkaTemplate<String, byte[]> template, Duration sendTimeout) {
    this.template = template;
    this.sendTimeout = sendTimeout;
  }

  /**
   * Sends {@code event} to {@code topic} under {@code key} and blocks until the broker has it.
   *
   * @throws EventPublishingException when the broker did not acknowledge in time
   */
  public void publish(String topic, String key, String correlationId, Object event) {
    publish(topic, key, correlationId, event, Map.of());
  }

  /**
   * Sends {@code event} to {@code topic} under {@code key} with extra {@code headers}, such as a
   * dead letter's reason, and blocks until the broker has it.
   *
   * @throws EventPublishingException when the broker did not acknowledge in time
   */
  public void publish(
      String topic, String key, String correlationId, Object event, Map<String, String> headers) {
    send(topic, key, correlationId, List.of(EventJson.write(event)), headers);
  }

  /**
   * Sends events already written as JSON to {@code topic} under one {@code key}, in order, and
   * blocks until the broker has all of them.
   *
   * @throws EventPublishingException when the broker did not acknowledge them all in time
   */
  public void publishEncoded(String topic, String key, String correlationId, List<byte[]> events) {
    send(topic, key, correlationId, events, Map.of());
  }

  private void send(
      String topic,
      String key,
      String correlationId,
      List<byte[]> events,
      Map<String, String> headers) {
    byte[] correlation = correlationId.getBytes(StandardCharsets.UTF_8);
    var sends = new CompletableFuture<?>[events.size()];
    try {
      for (int i = 0; i < sends.length; i++) {
        var record = new ProducerRecord<>(topic, key, events.get(i));
        record.headers().add(Topics.CORRELATION_ID_HEADER, correlation);
        headers.forEach(
            (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        // Throws rather than failing the future when the broker is unreachable for max.block.ms.
        sends[i] = template.send(record);
      }
      CompletableFuture.allOf(sends).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventPublishingException(topic, e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      throw new EventPublishingException(topic, e);
    }
  }
}
