package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scanwatch.contracts.Topics;
import io.scanwatch.localstack.ReportStream.Answer;
import io.scanwatch.localstack.ReportStream.Report;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A poison record (bytes that are not JSON, and JSON of the wrong shape) on every topic a service
 * consumes goes to {@code <topic>.dlt} with the reason in its headers, and a good record after it
 * with the same key (so on the same partition) is still processed: a poison record never blocks its
 * partition. The topics poisoned are every topic a service consumes, as the services' dead-letter
 * counters name them: {@code scanwatch.verdicts.v1} and {@code scanwatch.notices.v1} have no
 * consumer among the services yet.
 */
class PoisonRecordIT {

  private static final String HARBOR_REPOSITORY = "localhost/harbor/alpine";
  private static final String HARBOR_DIGEST =
      "sha256:954b378c375d852eb3c63ab88978f640b4348b01c1b3456a024a81536dafbbf4";
  private static final String DLT_REASON_HEADER = "kafka_dlt-exception-message";
  private static final String DLT_ORIGINAL_TOPIC_HEADER = "kafka_dlt-original-topic";
  private static final Duration PROCESSED = Duration.ofSeconds(120);
  private static final Pattern DEAD_LETTER_SERIES =
      Pattern.compile("(?m)^scanwatch_dead_letters_total\\{[^}]*topic=\"([^\"]+)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private FaultStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void poisonRecordsOnEveryConsumedTopicAreDeadLetteredAndTheRecordsAfterThemProcessed(
      @TempDir Path stateDir) throws Exception {
    // A pushed image is alerted as not scanned after two seconds: the proof its event was read.
    stack =
        FaultStack.start(
            stateDir,
            "poison",
            Map.of(
                Service.POLICY,
                Map.of(
                    "SCANWATCH_NOT_SCANNED_WINDOW", "2s",
                    "SCANWATCH_NOT_SCANNED_CHECK_INTERVAL", "1s")));
    var services = stack.services();
    var report =
        new Report(
            "registry.faults.test",
            "poison-" + UUID.randomUUID().toString().substring(0, 8) + "/app",
            "1.0",
            true);
    // Each topic's key: the records after the poison share it, so they share its partition.
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(Topics.SCAN_REPORTS, report.repositoryKey());
    keys.put(Topics.IMAGE_EVENTS, HARBOR_REPOSITORY);
    keys.put(Topics.ALERTS, report.image());

    // Every service has a dead-letter series for each topic it consumes: these are all of them.
    assertThat(consumedTopics()).containsExactlyInAnyOrderElementsOf(keys.keySet());

    List<byte[]> poison = new ArrayList<>();
    try (var producer = producer()) {
      for (var topicKey : keys.entrySet()) {
        for (String payload :
            List.of(
                "not json at all " + UUID.randomUUID(),
                "{\"unexpected\": \"" + UUID.randomUUID() + "\", \"shape\": [1, 2, 3]}")) {
          byte[] value = payload.getBytes(StandardCharsets.UTF_8);
          poison.add(value);
          producer
              .send(new ProducerRecord<>(topicKey.getKey(), topicKey.getValue(), value))
              .get(10, TimeUnit.SECONDS);
        }
      }
    }

    // After the poison: a real failing report (scan report, then its P0 alert) and a Harbor push.
    byte[] failing = Files.readAllBytes(services.stack().example(ReportStream.FAILING_EXAMPLE));
    var posted = services.postReport(failing, report.image());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    var answer =
        new Answer(
            report,
            202,
            JSON.readTree(posted.body()).path("reportId").asString(),
            1,
            posted.body());
    var push =
        HttpRequest.newBuilder(services.uri(Service.INGEST, "/api/v1/webhooks/harbor/local"))
            .header("Authorization", StackConfig.DEV_WEBHOOK_SECRET)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofFile(
                    services.stack().example(EndpointTable.HARBOR_PUSH_EXAMPLE)))
            .build();
    var pushed = http.send(push, HttpResponse.BodyHandlers.ofString());
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);

    // The scan report behind its poison was evaluated, and its alert behind its poison sent.
    stack.assertEachReportAcceptedWithExactlyOneVerdict(List.of(answer));
    assertThat(stack.awaitSlackMessagesAbout(List.of(answer)).get(report.image())).hasSize(1);
    // The push behind its poison was read: the image is now alerted as not scanned.
    stack.diagnosed(
        () ->
            await()
                .alias("the not-scanned alert of the Harbor push")
                .atMost(PROCESSED)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                    () ->
                        services
                            .get(Service.POLICY, "/api/v1/alerts")
                            .body()
                            .contains("not-scanned:" + HARBOR_REPOSITORY + "@" + HARBOR_DIGEST)));

    // Every poison record is on its topic's dead-letter topic, with the reason.
    List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
    try (var consumer = consumer(keys.keySet().stream().map(Topics::deadLetterOf).toList())) {
      stack.diagnosed(
          () ->
              await()
                  .alias("every poison record dead-lettered")
                  .atMost(PROCESSED)
                  .until(
                      () -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
                        return poison.stream()
                            .allMatch(
                                value ->
                                    deadLetters.stream()
                                        .anyMatch(record -> Arrays.equals(record.value(), value)));
                      }));
    }
    for (byte[] value : poison) {
      var deadLetter =
          deadLetters.stream().filter(record -> Arrays.equals(record.value(), value)).toList();
      assertThat(deadLetter)
          .as("dead letters of %s", new String(value, StandardCharsets.UTF_8))
          .hasSize(1);
      var record = deadLetter.getFirst();
      String originalTopic = header(record, DLT_ORIGINAL_TOPIC_HEADER);
      assertThat(record.topic()).isEqualTo(Topics.deadLetterOf(originalTopic));
      assertThat(record.key()).isEqualTo(keys.get(originalTopic));
      assertThat(header(record, DLT_REASON_HEADER)).as("the reason").isNotBlank();
    }
  }

  /** The topics the services consume, as their dead-letter counters name them. */
  private Set<String> consumedTopics() throws Exception {
    Set<String> topics = new TreeSet<>();
    for (Service service : Service.values()) {
      var response =
          http.send(
              HttpRequest.newBuilder(stack.services().uri(service, "/actuator/prometheus")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      Matcher series = DEAD_LETTER_SERIES.matcher(response.body());
      while (series.find()) {
        topics.add(series.group(1));
      }
    }
    return topics;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s of a dead letter on %s", name, record.topic()).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.infrastructure().kafkaBootstrapServers()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private KafkaConsumer<String, byte[]> consumer(List<String> topics) {
    var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infrastructure().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "poison-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                500),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(topics);
    return consumer;
  }
}
