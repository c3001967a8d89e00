package io.scanwatch.support.kafka;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    var record = new ProducerRecord<>(topic, key, EventJson.write(event));
    record
        .headers()
        .add(Topics.CORRELATION_ID_HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
    try {
      template.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventPublishingException(topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new EventPublishingException(topic, e);
    }
  }
}
