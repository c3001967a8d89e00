package io.scanwatch.policy.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertReason;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.RegistryScan;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.contracts.Topics;
import io.scanwatch.testsupport.TestInfrastructure;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import io.scanwatch.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The "pushed but not scanned" signal through a real broker and store, with the window shortened to
 * 3 s (src/test/resources/config/application.properties): an image nobody scans is alerted at the
 * configured priority and resolved by the scan that finally comes; an image scanned in time, by the
 * registry or by a Trivy report, is never alerted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructureConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotScannedAlertIT {

  @LocalServerPort int port;

  private static final String REGISTRY = "harbor.example.test";
  private static final Duration WINDOW = Duration.ofSeconds(3);

  /** Well past the window and several checks, for the assertions that nothing happens. */
  private static final Duration QUIET = Duration.ofSeconds(4);

  private KafkaProducer<String, byte[]> producer;
  private TopicRecorder alerts;

  @BeforeAll
  void connect() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());
    alerts = TopicRecorder.recording(Topics.ALERTS);
  }

  @AfterAll
  void disconnect() throws InterruptedException {
    alerts.close();
    producer.close();
  }

  @Test
  void anImageNobodyScansIsAlertedAtItsOwnPriorityAndResolvedByTheScanThatComes() throws Exception {
    String repository = unique("acme/unscanned");
    String digest = digest();
    ImageEvent push = event(ImageAction.PUSHED, repository, List.of("1.0"), digest, null);

    send(push);
    send(push);

    AlertEvent firing = awaitAlerts(repository, 1).getFirst();
    assertThat(firing.state()).isEqualTo(AlertState.FIRING);
    assertThat(firing.reason()).isEqualTo(AlertReason.NOT_SCANNED);
    assertThat(firing.priority()).isEqualTo(Priority.P1);
    assertThat(firing.alertId())
        .isEqualTo("not-scanned:" + REGISTRY + "/" + repository + "@" + digest);
    assertThat(firing.image().displayName()).isEqualTo(REGISTRY + "/" + repository + ":1.0");
    assertThat(firing.counts()).as("no scan: no counts, never zeros").isNull();
    assertThat(firing.firstSeenAt()).isEqualTo(push.occurredAt());
    assertThat(firing.deadline()).isEqualTo(push.occurredAt().plus(WINDOW));
    assertThat(firing.correlationId()).isEqualTo(push.correlationId());
    assertThat(firing.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("not scanned within PT3S"));

    assertThat(openAlerts()).contains(firing.alertId());

    send(
        event(
            ImageAction.SCAN_COMPLETED,
            repository,
            List.of(),
            digest,
            new RegistryScan("Trivy v0.50.0", new SeverityCounts(0, 1, 0, 0, 0), 1, null)));

    List<AlertEvent> both = awaitAlerts(repository, 2);
    assertThat(both.get(1).state()).isEqualTo(AlertState.RESOLVED);
    assertThat(openAlerts()).doesNotContain(firing.alertId());
    assertThat(both.get(1).alertId()).isEqualTo(firing.alertId());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .untilAsserted(
            () -> assertThat(alertsOf(repository)).as("the push sent twice fired once").hasSize(2));
  }

  @Test
  void anImageTheRegistryScansInTimeIsNeverAlerted() {
    String repository = unique("acme/registry-scanned");
    String digest = digest();

    send(event(ImageAction.PUSHED, repository, List.of("2.0"), digest, null));
    send(
        event(
            ImageAction.SCAN_COMPLETED,
            repository,
            List.of("2.0"),
            digest,
            new RegistryScan("Trivy", SeverityCounts.NONE, 0, null)));

    assertNoAlertFor(repository);
  }

  @Test
  void aTrivyReportOfTheDigestOrOfTheTagCountsAsTheScan() {
    String byDigest = unique("acme/trivy-by-digest");
    String byTag = unique("acme/trivy-by-tag");
    String digest = digest();

    send(event(ImageAction.PUSHED, byDigest, List.of("3.0"), digest, null));
    sendReport(new ImageReference(REGISTRY, byDigest, null, digest));
    // Docker Hub and Quay send no digest: the image is known by its tag.
    send(event(ImageAction.PUSHED, byTag, List.of("3.1"), null, null));
    sendReport(new ImageReference(REGISTRY, byTag, "3.1", null));

    assertNoAlertFor(byDigest, byTag);
  }

  @Test
  void aScanThatOvertakesItsPushOrAResultUnavailableStillCountsButAFailedScanDoesNot() {
    String overtaken = unique("acme/scan-first");
    String unavailable = unique("acme/result-unavailable");
    String failed = unique("acme/scan-failed");
    String first = digest();
    String second = digest();
    String third = digest();

    send(
        event(
            ImageAction.SCAN_COMPLETED,
            overtaken,
            List.of(),
            first,
            new RegistryScan("Trivy", SeverityCounts.NONE, 0, null)));
    send(event(ImageAction.PUSHED, overtaken, List.of("4.0"), first, null));
    send(event(ImageAction.PUSHED, unavailable, List.of("4.1"), second, null));
    send(
        event(
            ImageAction.SCAN_UNAVAILABLE,
            unavailable,
            List.of(),
            second,
            new RegistryScan("Trivy", null, null, "scan_status is Running")));
    send(event(ImageAction.PUSHED, failed, List.of("4.2"), third, null));
    send(
        event(
            ImageAction.SCAN_FAILED,
            failed,
            List.of(),
            third,
            new RegistryScan("Trivy", null, null, "scan failed")));

    assertThat(awaitAlerts(failed, 1).getFirst().state()).isEqualTo(AlertState.FIRING);
    assertNoAlertFor(overtaken, unavailable);
  }

  @Test
  void aDeletedImageIsNoLongerWaitedFor() {
    String repository = unique("acme/deleted");
    String digest = digest();

    send(event(ImageAction.PUSHED, repository, List.of("5.0"), digest, null));
    send(event(ImageAction.DELETED, repository, List.of(), digest, null));

    assertNoAlertFor(repository);
  }

  /** The body of GET /api/v1/alerts: the open alerts of every kind. */
  private String openAlerts() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
                .header("Authorization", "Bearer policy-test-token")
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void assertNoAlertFor(String... repositories) {
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .untilAsserted(
            () -> {
              for (String repository : repositories) {
                assertThat(alertsOf(repository)).as(repository).isEmpty();
              }
            });
  }

  private List<AlertEvent> awaitAlerts(String repository, int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(alertsOf(repository)).hasSize(count));
    return alertsOf(repository);
  }

  private List<AlertEvent> alertsOf(String repository) {
    return alerts.events(
        Topics.ALERTS, AlertEvent.class, alert -> alert.image().repository().equals(repository));
  }

  private void send(ImageEvent event) {
    producer.send(
        new ProducerRecord<>(Topics.IMAGE_EVENTS, event.repositoryKey(), EventJson.write(event)));
    producer.flush();
  }

  private void sendReport(ImageReference image) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    var report =
        new ScanReported(
            EventIds.timeOrdered(now),
            now,
            "corr-" + UUID.randomUUID(),
            "report-" + UUID.randomUUID(),
            now,
            image,
            null,
            List.of(),
            null,
            null);
    producer.send(
        new ProducerRecord<>(Topics.SCAN_REPORTS, image.repositoryKey(), EventJson.write(report)));
    producer.flush();
  }

  private static ImageEvent event(
      ImageAction action, String repository, List<String> tags, String digest, RegistryScan scan) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new ImageEvent(
        EventIds.timeOrdered(now),
        now,
        now,
        "corr-" + UUID.randomUUID(),
        action,
        REGISTRY,
        repository,
        tags,
        digest,
        null,
        List.of(),
        scan,
        "harbor",
        "it",
        null);
  }

  private static String unique(String repository) {
    return repository + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String digest() {
    return "sha256:"
        + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
  }
}
