package io.scanwatch.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under the end-to-end latency: one record produced and consumed on the same broker, with
 * the clients' default settings (the services' too), timed within this JVM.
 */
final class KafkaRoundTrip {

  static final String TOPIC = "scanwatch.bench.round-trip";

  private KafkaRoundTrip() {}

  /** Sends {@code count} records of {@code bytes} bytes at {@code perSecond}; their latencies. */
  static Latencies measure(String bootstrapServers, double perSecond, int count, int bytes)
      throws InterruptedException {
    var producerProperties = new Properties();
    producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    var consumerProperties = new Properties();
    consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerProperties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var micros = new ConcurrentLinkedQueue<Long>();
    String padding = "x".repeat(Math.max(0, bytes - 20));
    try (var producer = new KafkaProducer<String, String>(producerProperties);
        var consumer = new KafkaConsumer<String, String>(consumerProperties)) {
      // Creates the topic (the broker creates topics on first use) before the clock starts.
      producer.send(new ProducerRecord<>(TOPIC, "warm-up", "warm-up")).get();
      var partition = new TopicPartition(TOPIC, 0);
      consumer.assign(List.of(partition));
      consumer.seekToEnd(List.of(partition));
      consumer.position(partition);
      var reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (micros.size() < count && !Thread.currentThread().isInterrupted()) {
                      for (var record : consumer.poll(Duration.ofMillis(100))) {
                        long sent = Long.parseLong(record.key());
                        micros.add((System.nanoTime() - sent) / 1000);
                      }
                    }
                  });
      OpenLoop.run(
          perSecond,
          count,
          i ->
              producer.send(
                  new ProducerRecord<>(TOPIC, Long.toString(System.nanoTime()), padding)));
      reader.join(Duration.ofSeconds(30));
      reader.interrupt();
      reader.join();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Cannot produce to " + TOPIC, e.getCause());
    }
    return Latencies.of(micros);
  }
}
