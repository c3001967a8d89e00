package io.scanwatch.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Topics;
import io.scanwatch.testsupport.FreezableProxy;
import io.scanwatch.testsupport.OutageAnswers;
import io.scanwatch.testsupport.RestartableStore;
import io.scanwatch.testsupport.TestInfrastructure;
import io.scanwatch.testsupport.TopicRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a caller gets while the store or the broker is down, or the store stops answering: 503 with
 * {@code Retry-After} and a problem body, and, once it is back, the same request accepted with
 * exactly one event.
 */
class UnavailableDependenciesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = "scanwatch.auth.tokens=outage-token")
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class StoreDown {

    private static final RestartableStore STORE = new RestartableStore();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
      registry.add(
          "spring.kafka.bootstrap-servers", TestInfrastructure.shared()::kafkaBootstrapServers);
      registry.add("spring.mongodb.uri", () -> STORE.mongoUri("outage"));
    }

    @AfterAll
    void stopStore() {
      STORE.close();
    }

    @Test
    void aPostWhileTheStoreIsDownIs503AndTheSameRetryLaterYieldsExactlyOneEvent() throws Exception {
      byte[] report = report("acme/store-outage");
      try (var recorder = TopicRecorder.recording(Topics.SCAN_REPORTS)) {
        HttpResponse<String> during = STORE.whileStopped(() -> post(port, report));

        OutageAnswers.assertStoreUnavailable(during);
        HttpResponse<String> after = post(port, report);

        assertThat(after.statusCode()).as(after.body()).isEqualTo(202);
        String reportId = JSON.readTree(after.body()).path("reportId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !events(recorder, reportId).isEmpty());
        assertThat(events(recorder, reportId)).hasSize(1);
      }
    }
  }

  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"scanwatch.auth.tokens=outage-token", "scanwatch.mongodb.read-timeout=1s"})
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class StoreStopsAnswering {

    private static final MongoServer STORE = new MongoServer(new MemoryBackend());
    private static final FreezableProxy PROXY = proxyTo(STORE.bind());

    @LocalServerPort int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
      registry.add(
          "spring.kafka.bootstrap-servers", TestInfrastructure.shared()::kafkaBootstrapServers);
      registry.add("spring.mongodb.uri", () -> PROXY.mongoUri("stalled"));
    }

    @AfterAll
    void stopStore() throws IOException {
      PROXY.close();
      STORE.shutdownNow();
    }

    private static FreezableProxy proxyTo(InetSocketAddress store) {
      try {
        return new FreezableProxy(store);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Test
    @Timeout(60)
    void aPostTheStoreNeverAnswersIs503WithRetryAfterOnceTheReadTimesOut() throws Exception {
      assertThat(post(port, report("acme/store-answers")).statusCode()).isEqualTo(202);
      PROXY.freeze();
      long started = System.nanoTime();

      HttpResponse<String> during = post(port, report("acme/store-stalled"));

      OutageAnswers.assertStoreUnavailable(during);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {
        "scanwatch.auth.tokens=outage-token",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=1500",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.admin.fail-fast=false",
        "spring.kafka.admin.operation-timeout=2s",
        "spring.kafka.admin.properties.default.api.timeout.ms=2000",
        "spring.kafka.admin.properties.request.timeout.ms=1000"
      })
  class BrokerDown {

    @LocalServerPort int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
      int closed = freePort();
      registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closed);
      registry.add(
          "spring.mongodb.uri",
          () -> TestInfrastructure.shared().mongoUri("broker-outage-" + UUID.randomUUID()));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void postsWhileTheBrokerIsDownAre503WithRetryAfterAndTheOutageIsOneLogLine(
        CapturedOutput output) throws Exception {
      HttpResponse<String> response = post(port, report("acme/broker-outage"));
      HttpResponse<String> second = post(port, report("acme/broker-outage-2"));
      HttpResponse<String> third = post(port, report("acme/broker-outage-3"));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).contains("10");
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).path("detail").asString())
          .contains("did not acknowledge");
      assertThat(List.of(second.statusCode(), third.statusCode())).containsOnly(503);
      assertThat(output.getAll().lines().filter(line -> line.contains("Event not published")))
          .hasSize(1);
    }
  }

  private static List<ScanReported> events(TopicRecorder recorder, String reportId) {
    return recorder.events(
        Topics.SCAN_REPORTS, ScanReported.class, event -> event.reportId().equals(reportId));
  }

  private static byte[] report(String repository) {
    return """
        {"SchemaVersion": 2, "ArtifactName": "registry.example.test/%s:%s",
         "Results": [{"Target": "t", "Vulnerabilities": [
           {"VulnerabilityID": "CVE-2099-1", "PkgName": "openssl", "InstalledVersion": "1.0",
            "Severity": "CRITICAL"}]}]}
        """
        .formatted(repository, UUID.randomUUID())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> post(int port, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports/trivy"))
            .header("Authorization", "Bearer outage-token")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
