package io.scanwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scanwatch.testsupport.OutageAnswers;
import io.scanwatch.testsupport.RestartableStore;
import io.scanwatch.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * policy-service's API while its store is down: 503 with {@code Retry-After} and a problem body
 * saying so, not a 500 or a wrong 404, and its usual answer again once the store is back. One path
 * reads through Spring Data, the other through the driver directly.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.listener.auto-startup=false",
      "spring.kafka.consumer.group-id=policy-store-outage-it"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreOutageApiIT {

  private static final RestartableStore STORE = new RestartableStore();

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.kafka.bootstrap-servers", TestInfrastructure.shared()::kafkaBootstrapServers);
    registry.add("spring.mongodb.uri", () -> STORE.mongoUri("policy-outage"));
  }

  @AfterAll
  void stopStore() {
    STORE.close();
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/alerts, 200", "/api/v1/policies/never-saved/versions, 404"})
  void aReadWhileTheStoreIsDownIs503WithRetryAfterAndAnswersAgainOnceItIsBack(
      String path, int usualStatus) throws Exception {
    assertThat(get(path).statusCode()).isEqualTo(usualStatus);

    HttpResponse<String> during = STORE.whileStopped(() -> get(path));

    OutageAnswers.assertStoreUnavailable(during);
    await().atMost(Duration.ofSeconds(20)).until(() -> get(path).statusCode() == usualStatus);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer policy-test-token")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
