package io.scanwatch.benchmarks.load;

import io.scanwatch.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code scanwatch.verdicts.v1} from its end as the harness starts, without a consumer group,
 * and keeps when each report's (and each of the harness's images') first verdict arrived.
 */
final class VerdictWatcher implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Instant> firstVerdict = new ConcurrentHashMap<>();
  private final Map<String, Integer> verdicts = new ConcurrentHashMap<>();
  private final Map<String, Instant> imageVerdict = new ConcurrentHashMap<>();
  private final Pattern imageName;
  private final Thread reader;
  private volatile boolean running = true;

  /**
   * @param imageName matches the unique part of the harness's image names in a verdict
   */
  VerdictWatcher(String bootstrapServers, Pattern imageName) {
    this.imageName = imageName;
    var properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(properties);
    var partitions =
        consumer.partitionsFor(Topics.VERDICTS, Duration.ofSeconds(30)).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException(
          Topics.VERDICTS + " has no partitions: is policy-service up?");
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    reader = Thread.ofPlatform().name("verdict-watcher").start(this::read);
  }

  private void read() {
    while (running) {
      var records = consumer.poll(Duration.ofMillis(200));
      Instant now = Instant.now();
      for (var record : records) {
        String reportId;
        try {
          reportId = JSON.readTree(record.value()).path("reportId").asString("");
        } catch (JacksonException e) {
          continue;
        }
        var image = imageName.matcher(record.value());
        if (image.find()) {
          imageVerdict.putIfAbsent(image.group(), now);
        }
        if (!reportId.isEmpty()) {
          firstVerdict.putIfAbsent(reportId, now);
          verdicts.merge(reportId, 1, Integer::sum);
        }
      }
    }
    consumer.close();
  }

  /** When the harness read the first verdict on {@code reportId}, or {@code null}. */
  Instant verdictAt(String reportId) {
    return firstVerdict.get(reportId);
  }

  /** How many verdicts named {@code reportId}: more than one is a report judged twice. */
  int verdictsOn(String reportId) {
    return verdicts.getOrDefault(reportId, 0);
  }

  /**
   * When the harness read the first verdict on an image, or {@code null}: accounts also for reports
   * whose POST got no answer in time.
   */
  Instant verdictOnImage(String image) {
    return imageVerdict.get(image);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join();
  }
}
