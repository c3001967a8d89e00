package io.scanwatch.testsupport;

import io.scanwatch.contracts.EventJson;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records every record that arrives on some topics of the {@linkplain TestInfrastructure#shared()
 * shared} broker, from the beginning, in a consumer group of its own; tests then look for their own
 * events among them.
 */
public final class TopicRecorder implements AutoCloseable {

  private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
  private final Thread poller;
  private volatile boolean running = true;

  private TopicRecorder(Collection<String> topics) {
    var properties =
        Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.shared().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "topic-recorder-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.METADATA_MAX_AGE_CONFIG,
            500);
    poller =
        Thread.ofPlatform()
            .name("topic-recorder")
            .start(
                () -> {
                  try (var consumer =
                      new KafkaConsumer<>(
                          properties, new StringDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.copyOf(topics));
                    while (running) {
                      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    }
                  }
                });
  }

  /** Starts recording {@code topics}; close it to stop. */
  public static TopicRecorder recording(String... topics) {
    return new TopicRecorder(List.of(topics));
  }

  /** Every record received so far, in arrival order. */
  public List<ConsumerRecord<String, byte[]>> records() {
    return List.copyOf(records);
  }

  /** The events of {@code type} received so far on {@code topic} that match {@code filter}. */
  public <T> List<T> events(String topic, Class<T> type, Predicate<T> filter) {
    return records.stream()
        .filter(record -> record.topic().equals(topic))
        .map(record -> EventJson.read(record.value(), type))
        .filter(filter)
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    poller.join();
  }
}
