package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real broker and store processes the way the launcher does, on free ports. */
class LocalStackInfraIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  @TempDir Path stateDir;

  private StackConfig config;
  private final List<ChildProcess> started = new ArrayList<>();

  @BeforeEach
  void choosePorts() throws Exception {
    config =
        new StackConfig(
            StackConfig.locateRepository(),
            stateDir,
            new StackPorts(
                ServicesUnderTest.freePort(),
                ServicesUnderTest.freePort(),
                ServicesUnderTest.freePort(),
                ServicesUnderTest.freePort(),
                ServicesUnderTest.freePort(),
                ServicesUnderTest.freePort(),
                ServicesUnderTest.freePort(),
                ServicesUnderTest.freePort()));
  }

  @AfterEach
  void stopLeftovers() {
    started.forEach(child -> child.stop(STOP_GRACE));
  }

  @Test
  void brokerAndStoreServeClientsAndAreGoneOnceStopped() {
    var broker = startBroker();
    var store = startStore();
    var topic = "it-" + UUID.randomUUID();

    produce(topic, "image-1", "scan reported");
    assertThat(consumeOne(topic)).isEqualTo("scan reported");
    insert("it-db", new Document("_id", "alert-1").append("priority", "P0"));
    assertThat(find("it-db", "alert-1")).containsEntry("priority", "P0");

    broker.stop(STOP_GRACE);
    store.stop(STOP_GRACE);

    for (var child : List.of(broker, store)) {
      assertThat(child.isAlive()).isFalse();
      assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }
    assertThat(PortAvailability.isListening(config.ports().kafka())).isFalse();
    assertThat(PortAvailability.isListening(config.ports().mongo())).isFalse();
  }

  @Test
  void recordsAndDocumentsSurviveARestartWithoutReformatting() {
    var topic = "it-" + UUID.randomUUID();
    var broker = startBroker();
    var store = startStore();
    produce(topic, "image-1", "kept across restarts");
    insert("it-db", new Document("_id", "finding-1").append("state", "open"));
    broker.stop(STOP_GRACE);
    store.stop(STOP_GRACE);

    startBroker();
    startStore();

    assertThat(config.logFile("kafka-format")).exists();
    assertThat(consumeOne(topic)).isEqualTo("kept across restarts");
    assertThat(find("it-db", "finding-1")).containsEntry("state", "open");
  }

  @Test
  void aMemoryStoreServesClientsWritesNoFileAndForgetsOnRestart() {
    config =
        new StackConfig(
            config.repoDir(), config.stateDir(), config.ports(), StoreBackend.MEMORY, List.of());
    var store = startStore();
    insert("it-db", new Document("_id", "finding-1").append("state", "open"));
    assertThat(find("it-db", "finding-1")).containsEntry("state", "open");
    store.stop(STOP_GRACE);

    startStore();

    assertThat(find("it-db", "finding-1")).isNull();
    assertThat(config.dir("mongo").resolve("scanwatch.mv")).doesNotExist();
    assertThat(config.logFile("mongo")).content().contains("memory only");
  }

  private ChildProcess startBroker() {
    var broker = KafkaBrokerProcess.start(config);
    started.add(broker);
    broker.awaitReady("ready", () -> KafkaBrokerProcess.isReady(broker, config), STARTUP);
    return broker;
  }

  private ChildProcess startStore() {
    var store = MongoStoreProcess.start(config);
    started.add(store);
    store.awaitReady("listening", () -> MongoStoreProcess.isReady(store, config), STARTUP);
    return store;
  }

  private String bootstrap() {
    return "127.0.0.1:" + config.ports().kafka();
  }

  private void produce(String topic, String key, String value) {
    Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (var producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new AssertionError("Could not produce to " + topic, e);
    }
  }

  private String consumeOne(String topic) {
    Map<String, Object> properties =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (var consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      var values = new ArrayList<String>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
              });
      return values.getFirst();
    }
  }

  private void insert(String database, Document document) {
    try (var client = MongoClients.create(mongoUri())) {
      client.getDatabase(database).getCollection("things").insertOne(document);
    }
  }

  private Document find(String database, String id) {
    try (var client = MongoClients.create(mongoUri())) {
      return client
          .getDatabase(database)
          .getCollection("things")
          .find(new Document("_id", id))
          .first();
    }
  }

  private String mongoUri() {
    return "mongodb://127.0.0.1:" + config.ports().mongo();
  }
}
