package io.scanwatch.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.Topics;
import io.scanwatch.testsupport.TestInfrastructure;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service: alert events from Kafka to Slack (WireMock) and e-mail (GreenMail), with
 * deliveries in MongoDB. Every test uses an image of its own, since all share one topic.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "scanwatch.notifier.email.from=scanwatch@scanwatch.test",
      "scanwatch.notifier.email-to=oncall@acme.test",
      "scanwatch.notifier.route.group-wait=0s",
      "scanwatch.auth.tokens=notifier-it-token",
      "scanwatch.notifier.delivery.initial-backoff=200ms",
      "scanwatch.notifier.delivery.max-backoff=400ms",
      "scanwatch.notifier.delivery.poll-interval=100ms",
      "logging.level.org.apache.kafka=warn"
    })
@Import(TestInfrastructureConfiguration.class)
class NotifierIT {

  private static final String WEBHOOK_PATH = "/services/T000/B000/it-webhook-secret";
  private static final String CONSUMER_GROUP = "notifier-service";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @RegisterExtension
  static final WireMockExtension slack =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  private static DefaultKafkaProducerFactory<String, byte[]> producerFactory;
  private static KafkaTemplate<String, byte[]> producer;
  private static Admin admin;

  @Autowired private MongoTemplate mongo;

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void receivers(DynamicPropertyRegistry registry) {
    registry.add("scanwatch.notifier.slack-webhook-url", () -> slack.baseUrl() + WEBHOOK_PATH);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @BeforeAll
  static void connectToKafka() {
    String bootstrapServers = TestInfrastructure.shared().kafkaBootstrapServers();
    producerFactory =
        new DefaultKafkaProducerFactory<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new ByteArraySerializer());
    producer = new KafkaTemplate<>(producerFactory);
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  @AfterAll
  static void disconnectFromKafka() {
    admin.close();
    producerFactory.destroy();
  }

  @BeforeEach
  void slackAcceptsEverything() {
    slack.stubFor(post(WEBHOOK_PATH).atPriority(10).willReturn(ok("ok")));
  }

  @Test
  void aFiringP0AlertIsPostedToSlackAndMailedOnce() {
    ImageReference image = AlertEvents.uniqueImage();
    AlertEvent alert = AlertEvents.p0Firing(image);

    publish(alert);

    awaitDelivered(alert, "slack");
    awaitDelivered(alert, "email");
    assertThat(slackMessagesAbout(image))
        .singleElement()
        .asString()
        .contains(image.displayName(), "P0", "CRITICAL 1", "2026-12-05T10:15:30Z");
    assertThat(emailsAbout(image))
        .singleElement()
        .satisfies(
            email -> assertThat(GreenMailUtil.getBody(email)).contains("2026-12-05T10:15:30Z"));
  }

  @Test
  void theSameEventPublishedAgainIsNotSentAgain() {
    ImageReference image = AlertEvents.uniqueImage();
    AlertEvent alert = AlertEvents.p0Firing(image);
    publish(alert);
    awaitDelivered(alert, "slack");
    awaitDelivered(alert, "email");

    awaitConsumed(publish(alert));

    assertThat(slackMessagesAbout(image)).hasSize(1);
    assertThat(emailsAbout(image)).hasSize(1);
  }

  @Test
  void slackIsRetriedThroughAnOutageWhileTheEmailIsSentOnce() {
    ImageReference image = AlertEvents.uniqueImage();
    String outage = "slack outage for " + image.displayName();
    slack.stubFor(
        post(WEBHOOK_PATH)
            .atPriority(1)
            .withRequestBody(containing(image.displayName()))
            .inScenario(outage)
            .whenScenarioStateIs(STARTED)
            .willReturn(serverError())
            .willSetStateTo("failed once"));
    slack.stubFor(
        post(WEBHOOK_PATH)
            .atPriority(1)
            .withRequestBody(containing(image.displayName()))
            .inScenario(outage)
            .whenScenarioStateIs("failed once")
            .willReturn(serverError())
            .willSetStateTo("recovered"));
    AlertEvent alert = AlertEvents.p0Firing(image);

    publish(alert);

    Document slackDelivery = awaitDelivered(alert, "slack");
    Document emailDelivery = awaitDelivered(alert, "email");
    assertThat(slackDelivery.getInteger("attempts")).isEqualTo(3);
    assertThat(slackMessagesAbout(image)).hasSize(3);
    assertThat(emailDelivery.getInteger("attempts")).isEqualTo(1);
    assertThat(emailsAbout(image)).hasSize(1);
  }

  @Test
  void anAlertThatIsNotAFiringP0NotifiesNoOne() {
    ImageReference image = AlertEvents.uniqueImage();
    AlertEvent resolved = AlertEvents.alert(image, Priority.P0, AlertState.RESOLVED);

    awaitConsumed(publish(resolved));

    assertThat(slackMessagesAbout(image)).isEmpty();
    assertThat(emailsAbout(image)).isEmpty();
    assertThat(delivery(resolved, "slack")).isNull();
  }

  @Test
  void healthIsUpAndPrometheusCountsDeliveries() {
    AlertEvent alert = AlertEvents.p0Firing(AlertEvents.uniqueImage());
    publish(alert);
    awaitDelivered(alert, "slack");

    RestClient actuator = RestClient.create("http://127.0.0.1:" + port + "/actuator");
    assertThat(actuator.get().uri("/health").retrieve().body(String.class))
        .contains("\"status\":\"UP\"");
    assertThat(actuator.get().uri("/prometheus").retrieve().body(String.class))
        .contains(
            "scanwatch_deliveries_total{channel=\"slack\",outcome=\"delivered\","
                + "service=\"notifier-service\"}",
            "scanwatch_deliveries_total{channel=\"email\",outcome=\"delivered\","
                + "service=\"notifier-service\"}",
            "scanwatch_delivery_attempt_duration_seconds_count{channel=\"slack\"");
  }

  private static RecordMetadata publish(AlertEvent alert) {
    var record = new ProducerRecord<>(Topics.ALERTS, alert.alertId(), EventJson.write(alert));
    record
        .headers()
        .add(Topics.CORRELATION_ID_HEADER, alert.correlationId().getBytes(StandardCharsets.UTF_8));
    try {
      return producer.send(record).get(10, TimeUnit.SECONDS).getRecordMetadata();
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not take the alert", e);
    }
  }

  /** Waits until the service has committed the offset past {@code record}: it has handled it. */
  private static void awaitConsumed(RecordMetadata record) {
    var partition = new TopicPartition(record.topic(), record.partition());
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              Map<TopicPartition, OffsetAndMetadata> committed =
                  admin
                      .listConsumerGroupOffsets(CONSUMER_GROUP)
                      .partitionsToOffsetAndMetadata()
                      .get();
              assertThat(committed.get(partition)).isNotNull();
              assertThat(committed.get(partition).offset()).isGreaterThan(record.offset());
            });
  }

  private Document awaitDelivered(AlertEvent alert, String receiver) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> delivery(alert, receiver),
            delivery -> delivery != null && "DELIVERED".equals(delivery.getString("state")));
  }

  private Document delivery(AlertEvent alert, String receiver) {
    return mongo.findById(alert.eventId() + ":" + receiver, Document.class, "deliveries");
  }

  private static List<String> slackMessagesAbout(ImageReference image) {
    return slack
        .findAll(
            postRequestedFor(urlEqualTo(WEBHOOK_PATH))
                .withRequestBody(containing(image.displayName())))
        .stream()
        .map(LoggedRequest::getBodyAsString)
        .toList();
  }

  private static List<MimeMessage> emailsAbout(ImageReference image) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(email -> subjectOf(email).equals("[Scanwatch P0] " + image.displayName()))
        .toList();
  }

  private static String subjectOf(MimeMessage email) {
    try {
      return email.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
