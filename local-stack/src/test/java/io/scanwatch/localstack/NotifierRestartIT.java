package io.scanwatch.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.PolicyViolation;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.contracts.Topics;
import io.scanwatch.testsupport.TestInfrastructure;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of notifier-service as a process: it is killed (SIGKILL, no shutdown hooks) while
 * its deliveries are pending and while alerts wait on the topic, and restarted. Every alert must
 * reach Slack exactly once after the receiver recovers: none lost, none sent twice. Slack answers
 * 503 until the kill, so no attempt can have succeeded in flight.
 */
class NotifierRestartIT {

  private static final String SLACK_PATH = "/services/T000/B000/restart";
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final int BEFORE_KILL = 6;
  private static final int WHILE_DOWN = 4;

  private final HttpClient http = HttpClient.newHttpClient();
  private WireMockServer slack;
  private ChildProcess notifier;

  @AfterEach
  void stop() {
    if (notifier != null) {
      notifier.stop(Duration.ofSeconds(10));
    }
    if (slack != null) {
      slack.stop();
    }
  }

  @Test
  void pendingDeliveriesAndUnreadAlertsSurviveAKillAndAreEachDeliveredOnce(@TempDir Path stateDir)
      throws Exception {
    TestInfrastructure infrastructure = TestInfrastructure.shared();
    slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    slack.start();
    slack.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(503)));
    var stack = new StackConfig(StackConfig.locateRepository(), stateDir, StackPorts.DEFAULTS);
    String database = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    int port = ServicesUnderTest.freePort();
    Map<String, String> env =
        new LinkedHashMap<>(ServiceProcess.environment(Service.NOTIFIER, stack));
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
    env.put("MONGODB_URI", infrastructure.mongoUri(database));
    env.put("SLACK_WEBHOOK_URL", slack.baseUrl() + SLACK_PATH);
    env.put("EMAIL_TO", "");
    env.put("DELIVERY_INITIAL_BACKOFF", "1s");
    env.put("DELIVERY_MAX_BACKOFF", "2s");
    env.put("DELIVERY_MAX_ATTEMPTS", "1000");
    env.put("DELIVERY_POLL_INTERVAL", "200ms");
    env.put("DELIVERY_LEASE", "15s");
    // A consumer group of its own: the alerts topic is shared with other tests.
    env.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "notifier-restart-" + database);

    notifier = start(stack, env, port);
    List<AlertEvent> alerts = new ArrayList<>();
    try (var producer = producer(infrastructure.kafkaBootstrapServers())) {
      for (int i = 0; i < BEFORE_KILL; i++) {
        alerts.add(publish(producer, p0Firing()));
      }
      try (MongoClient mongo = MongoClients.create(infrastructure.mongoUri(database))) {
        MongoCollection<Document> deliveries =
            mongo.getDatabase(database).getCollection("deliveries");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> deliveries.countDocuments(Filters.gte("attempts", 1)) == BEFORE_KILL);

        notifier.kill(Duration.ofSeconds(10));
        // A request the process had on the wire when it died is still answered by the 503 stub.
        Thread.sleep(2_000);
        for (int i = 0; i < WHILE_DOWN; i++) {
          alerts.add(publish(producer, p0Firing()));
        }
        slack.resetRequests();
        slack.stubFor(
            post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        notifier = start(stack, env, port);

        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () ->
                    assertThat(deliveries.countDocuments(Filters.eq("state", "DELIVERED")))
                        .isEqualTo(alerts.size()));
      }
    }
    // Slack takes about one message a second: give a duplicate time to show up.
    Thread.sleep(3_000);
    // Slack answered 503 until the kill, so only an attempt still in flight when the process died
    // can have been accepted as well as its retry after the restart: at most one message twice.
    List<String> accepted =
        slack.getAllServeEvents().stream()
            .filter(event -> event.getResponse().getStatus() == 200)
            .map(event -> event.getRequest().getBodyAsString())
            .toList();
    Map<String, Long> perAlert = new LinkedHashMap<>();
    for (AlertEvent alert : alerts) {
      perAlert.put(
          alert.image().displayName(),
          accepted.stream().filter(body -> body.contains(alert.image().displayName())).count());
    }
    assertThat(perAlert)
        .as("Slack messages accepted per alert")
        .allSatisfy((image, count) -> assertThat(count).isBetween(1L, 2L));
    assertThat(perAlert.values().stream().filter(count -> count == 2))
        .as("alerts sent twice (only the one in flight may be)")
        .hasSizeLessThanOrEqualTo(1);
    // The alerts published while it was down were never in flight: exactly once each.
    assertThat(alerts.subList(BEFORE_KILL, alerts.size()))
        .allSatisfy(alert -> assertThat(perAlert.get(alert.image().displayName())).isEqualTo(1L));
  }

  private ChildProcess start(StackConfig stack, Map<String, String> env, int port) {
    ChildProcess process = ServiceProcess.start(Service.NOTIFIER, stack, env);
    process.awaitReady("healthy", () -> ServiceProcess.isHealthy(http, port), STARTUP);
    return process;
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static AlertEvent publish(KafkaProducer<String, byte[]> producer, AlertEvent alert)
      throws Exception {
    var record = new ProducerRecord<>(Topics.ALERTS, alert.alertId(), EventJson.write(alert));
    record
        .headers()
        .add(Topics.CORRELATION_ID_HEADER, alert.correlationId().getBytes(StandardCharsets.UTF_8));
    producer.send(record).get(10, TimeUnit.SECONDS);
    return alert;
  }

  private static AlertEvent p0Firing() {
    Instant now = Instant.now();
    var image =
        new ImageReference(
            "registry.acme.test",
            "restart/api-" + UUID.randomUUID().toString().substring(0, 8),
            "1.0",
            null);
    return new AlertEvent(
        EventIds.timeOrdered(now),
        now,
        "restart-" + UUID.randomUUID(),
        image.displayName(),
        AlertState.FIRING,
        Priority.P0,
        image,
        new SeverityCounts(1, 0, 0, 0, 0),
        List.of(new PolicyViolation("max-critical", "1 CRITICAL finding, at most 0 allowed")),
        List.of(
            new Finding(
                "CVE-2023-0286",
                "openssl",
                "1.1.1n-0+deb11u3",
                "1.1.1n-0+deb11u4",
                Severity.CRITICAL,
                "X.400 address type confusion")),
        now,
        now.plus(Duration.ofHours(48)),
        null,
        now,
        AlertReason.POLICY_VIOLATION,
        null,
        74,
        "C",
        null,
        Map.of());
  }
}
