package io.scanwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImagePlatform;
import io.scanwatch.contracts.Topics;
import io.scanwatch.testsupport.OpenEndpoints;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import io.scanwatch.testsupport.TopicRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook endpoint against a real broker and store: every fixture of every registry through
 * HTTP with its registry's credential and with a wrong one, what reaches Kafka and the inventory,
 * and what every kind of bad delivery gets.
 *
 * <p>Each registry has one source named {@code corpus}, and only the corpus test posts fixtures to
 * it. The other tests own their images: a source of their own (with its own registry host) or
 * repository names no other test uses, so no test sees another's redeliveries.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "scanwatch.auth.tokens=" + WebhookEndpointIT.API_TOKEN,
      "scanwatch.ingest.webhooks.max-size=64KB",
      "scanwatch.ingest.webhooks.sources[0].provider=harbor",
      "scanwatch.ingest.webhooks.sources[0].name=corpus",
      "scanwatch.ingest.webhooks.sources[0].secret=harbor-secret-41c7",
      "scanwatch.ingest.webhooks.sources[1].provider=distribution",
      "scanwatch.ingest.webhooks.sources[1].name=corpus",
      "scanwatch.ingest.webhooks.sources[1].secret=distribution-secret-9d02",
      "scanwatch.ingest.webhooks.sources[2].provider=dockerhub",
      "scanwatch.ingest.webhooks.sources[2].name=corpus",
      "scanwatch.ingest.webhooks.sources[2].secret=dockerhub-token-5be1",
      "scanwatch.ingest.webhooks.sources[3].provider=github",
      "scanwatch.ingest.webhooks.sources[3].name=corpus",
      "scanwatch.ingest.webhooks.sources[3].secret=github-signing-key-77f3",
      "scanwatch.ingest.webhooks.sources[4].provider=quay",
      "scanwatch.ingest.webhooks.sources[4].name=corpus",
      "scanwatch.ingest.webhooks.sources[4].secret=quay-token-0a6e",
      "scanwatch.ingest.webhooks.sources[5].provider=acr",
      "scanwatch.ingest.webhooks.sources[5].name=corpus",
      "scanwatch.ingest.webhooks.sources[5].secret=acr-secret-c318",
      "scanwatch.ingest.webhooks.sources[6].provider=ecr",
      "scanwatch.ingest.webhooks.sources[6].name=corpus",
      "scanwatch.ingest.webhooks.sources[6].secret=ecr-api-key-2f90",
      "scanwatch.ingest.webhooks.sources[7].provider=jfrog",
      "scanwatch.ingest.webhooks.sources[7].name=corpus",
      "scanwatch.ingest.webhooks.sources[7].secret=jfrog-secret-e4d5",
      "scanwatch.ingest.webhooks.sources[8].provider=gar",
      "scanwatch.ingest.webhooks.sources[8].name=corpus",
      "scanwatch.ingest.webhooks.sources[8].secret=gar-token-8c1b",
      // Its own registry host, so its events are not redeliveries of the corpus test's.
      "scanwatch.ingest.webhooks.sources[9].provider=distribution",
      "scanwatch.ingest.webhooks.sources[9].name=multiarch",
      "scanwatch.ingest.webhooks.sources[9].secret=multiarch-secret-6a4f",
      "scanwatch.ingest.webhooks.sources[9].registry=multiarch.example.test",
      "scanwatch.ingest.webhooks.sources[10].provider=harbor",
      "scanwatch.ingest.webhooks.sources[10].name=team-a",
      "scanwatch.ingest.webhooks.sources[10].secret=team-a-secret-19bd",
      "scanwatch.ingest.webhooks.sources[10].repositories[0]=team-a/**"
    })
@Import(TestInfrastructureConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookEndpointIT {

  static final String API_TOKEN = "inventory-reader-token";

  private static final Path FIXTURES = Path.of("src", "test", "resources", "webhooks");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DELIVERIES = "webhook_deliveries";

  private static final Map<String, String> SECRETS =
      Map.of(
          "harbor", "harbor-secret-41c7",
          "distribution", "distribution-secret-9d02",
          "dockerhub", "dockerhub-token-5be1",
          "github", "github-signing-key-77f3",
          "quay", "quay-token-0a6e",
          "acr", "acr-secret-c318",
          "ecr", "ecr-api-key-2f90",
          "jfrog", "jfrog-secret-e4d5",
          "gar", "gar-token-8c1b");

  /** JFrog sends its secret token unless payload signing is on; these go with the plain token. */
  private static final Set<String> JFROG_PLAIN_TOKEN =
      Set.of(
          "jfrog/jfrog-docker-tag-pushed-shape.json", "jfrog/jfrog-artifact-deployed-shape.json");

  // Digests as the fixtures (and the normalizers' unit tests) give them.
  private static final String ALPINE_PUSHED =
      "sha256:954b378c375d852eb3c63ab88978f640b4348b01c1b3456a024a81536dafbbf4";
  private static final String ALPINE_DELETED =
      "sha256:2bb501e6173d9d006e56de5bce2720eb06396803300fe1687b58a7ff32bf4c14";
  private static final String ALPINE_SCAN_FAILED =
      "sha256:dabea2944dcc2b86482b4f0b0fb62da80e0673e900c46c0e03b45919881a5d84";
  private static final String ALPINE_SCAN_STOPPED =
      "sha256:e802987f152d7826cf929ad4999fb3bb956ce7a30966aeb46c749f9120eaf22c";
  private static final String THREES =
      "sha256:3333333333333333333333333333333333333333333333333333333333333333";
  private static final String INDEX =
      "sha256:dee9ea544c03f8573182f1bdd2533c08ac5427d6a9dbd2fb92bd58e56d3212db";
  private static final String AMD64 =
      "sha256:b13134affa8bf002d54c4138df7ab92de8db22d5d4b001add5f9339d0a4a0ba1";
  private static final String ARM64 =
      "sha256:e9913b08d6f51829c3d58461d3686d19de5c0b467aaf6bbad4f8d100a8cbafcb";
  private static final String ECR = "210987654321.dkr.ecr.eu-central-1.amazonaws.com";
  private static final String GAR = "europe-west1-docker.pkg.dev";
  private static final String WORKER_DIGEST =
      "sha256:6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b";

  /**
   * What each fixture gives, in the order they are posted. An event is {@code ACTION
   * registry/repository [tags] digest} ({@code -} for none) and, for scans, the counts {@code
   * C/H/M/L/U}, {@code unavailable} or {@code failed}. A Harbor CloudEvents file is the same event
   * as its Default file (only the time and the delivery id differ), so it is posted after it and
   * answered as a redelivery; so are GitHub's {@code registry_package} event after its {@code
   * package} twin and a JFrog promotion of the tag and digest just pushed.
   */
  private static final List<Expected> CORPUS =
      List.of(
          accepted(
              "harbor/harbor-v2.8plus-docs-push-artifact-default.json",
              "PUSHED localhost/harbor/alpine [] " + ALPINE_PUSHED),
          duplicate("harbor/harbor-v2.8plus-docs-push-artifact-cloudevents.json"),
          ignored("harbor/harbor-v2.8plus-docs-pull-artifact-default.json"),
          ignored("harbor/harbor-v2.8plus-docs-pull-artifact-cloudevents.json"),
          accepted(
              "harbor/harbor-v2.8plus-docs-delete-artifact-default.json",
              "DELETED localhost/harbor/alpine [3.8] " + ALPINE_DELETED),
          duplicate("harbor/harbor-v2.8plus-docs-delete-artifact-cloudevents.json"),
          accepted(
              "harbor/harbor-v2.8plus-docs-scanning-completed-default.json",
              "SCAN_COMPLETED localhost/harbor/alpine [] " + ALPINE_PUSHED + " 0/0/0/0/0"),
          duplicate("harbor/harbor-v2.8plus-docs-scanning-completed-cloudevents.json"),
          accepted(
              "harbor/harbor-v2.8plus-docs-scanning-stopped-default.json",
              "SCAN_FAILED localhost/harbor/alpine [] " + ALPINE_SCAN_STOPPED + " failed"),
          duplicate("harbor/harbor-v2.8plus-docs-scanning-stopped-cloudevents.json"),
          accepted(
              "harbor/harbor-v2.8plus-docs-scanning-failed-default.json",
              "SCAN_FAILED localhost/harbor/alpine [] " + ALPINE_SCAN_FAILED + " failed"),
          duplicate("harbor/harbor-v2.8plus-docs-scanning-failed-cloudevents.json"),
          ignored("harbor/harbor-v2.8plus-docs-quota-exceed-default.json"),
          ignored("harbor/harbor-v2.8plus-docs-replication-default.json"),
          ignored("harbor/harbor-v2.8plus-docs-tag-retention-default.json"),
          accepted(
              "harbor/harbor-push-artifact-zulip-fixture.json",
              "PUSHED harbor.example.com/example/test [latest]"
                  + " sha256:d72f37f783ed6a8d58ac70b4db052707d1ec9d4ea010ef5ccd84652faf9ed844"),
          accepted(
              "harbor/harbor-scanning-completed-high-trivy0.20-zulip-fixture.json",
              "SCAN_COMPLETED harbor.xxx.xxxx.com/test/alpine/helm [3.8.1]"
                  + " sha256:b50334049354ed01330403212605dce2f4676a4e787ed113506861d9cf3c5424"
                  + " 0/4/0/0/1"),
          accepted(
              "harbor/harbor-scanning-failed-zulip-fixture.json",
              "SCAN_FAILED harbor.example.com/library/redis [v2.0]"
                  + " sha256:c50334049354ed01330403212605dce2f4676a4e787ed113506861d9cf3c5424"
                  + " failed"),
          accepted(
              "harbor/B12-harbor-scan-completed-empty-tag.json",
              "SCAN_COMPLETED registry.example.test/acme/web [] " + THREES + " 2/5/9/4/0"),
          accepted(
              "harbor/B14-harbor-cloudevents-scheduled-scan-empty.json",
              "SCAN_UNAVAILABLE registry.example.test/acme/web [latest] "
                  + THREES
                  + " unavailable"),
          ignored("distribution/distribution-v2-envelope-pull-manifest-docs.json"),
          accepted(
              "distribution/distribution-v2-envelope-push-manifest-and-layers-docs.json",
              "PUSHED registrycluster.local/library/test []"
                  + " sha256:fea8895f450959fa676bcc1df0611ea93823a735a01205fd8622846041d0c7cf"),
          accepted(
              "distribution/B15-distribution-push-no-tag-url-by-digest.json",
              "PUSHED registry.example.test/acme/web [] " + THREES),
          accepted(
              "distribution/distribution-multiarch-index-push-shape.json",
              "PUSHED registry.example.test:5000/acme/web [1.4.0] " + INDEX),
          accepted(
              "distribution/distribution-manifest-and-tag-delete-shape.json",
              "DELETED registry.example.test/acme/web []"
                  + " sha256:4444444444444444444444444444444444444444444444444444444444444444"),
          accepted(
              "dockerhub/dockerhub-push-docs.json",
              "PUSHED docker.io/svendowideit/testhook [latest] -"),
          accepted(
              "github/github-package-published-docker.json",
              "PUSHED ghcr.io/codertocat/hello-world-npm []"
                  + " sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498"),
          duplicate("github/github-registry_package-published-docker.json"),
          accepted(
              "github/github-package-updated-container-shape.json",
              "PUSHED ghcr.io/acme-corp/web [1.4.0]"
                  + " sha256:c0ffee0000000000000000000000000000000000000000000000000000000042"),
          accepted("quay/quay-repo-push-shape.json", "PUSHED quay.io/acme/web [1.4.0, latest] -"),
          accepted(
              "quay/quay-repo-push-tag-list-shape.json",
              "PUSHED quay.example.test:8443/acme/api [2026.11.20] -"),
          ignored("quay/quay-build-success-shape.json"),
          ignored("quay/quay-vulnerability-found-shape.json"),
          accepted(
              "acr/acr-push-shape.json",
              "PUSHED acmeregistry.azurecr.io/acme/web [1.4.2]"
                  + " sha256:3b1f6c9e0d2a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"),
          accepted(
              "acr/acr-delete-shape.json",
              "DELETED acmeregistry.azurecr.io/acme/worker []"
                  + " sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0"),
          ignored("acr/acr-chart-push-shape.json"),
          accepted(
              "ecr/ecr-image-action-push-shape.json",
              "PUSHED "
                  + ECR
                  + "/acme/web [2.0.1]"
                  + " sha256:c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"),
          accepted(
              "ecr/ecr-image-action-delete-shape.json",
              "DELETED "
                  + ECR
                  + "/acme/web [1.9.0]"
                  + " sha256:d1d2d3d4d5d6d7d8d9d0e1e2e3e4e5e6e7e8e9e0f1f2f3f4f5f6f7f8f9f0a1a2"),
          accepted(
              "ecr/ecr-image-scan-basic-shape.json",
              "SCAN_COMPLETED "
                  + ECR
                  + "/acme/web []"
                  + " sha256:c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"
                  + " 2/0/5/0/3"),
          ignored("ecr/ecr-scan-resource-change-shape.json"),
          accepted(
              "ecr/inspector2-scan-shape.json",
              "SCAN_COMPLETED "
                  + ECR
                  + "/acme/api [3.2.0, latest]"
                  + " sha256:a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
                  + " 3/14/20/0/8"),
          ignored("ecr/inspector2-finding-ecr-image-shape.json"),
          // The bare data object names no host, so the image is filed under the provider's name.
          accepted(
              "jfrog/jfrog-docker-tag-pushed-shape.json",
              "PUSHED jfrog/acme/web [2.3.0]"
                  + " sha256:5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"),
          accepted(
              "jfrog/jfrog-docker-pushed-wrapped-shape.json",
              "PUSHED acme.jfrog.io/acme/worker [1.0.4] " + WORKER_DIGEST),
          duplicate("jfrog/jfrog-docker-promoted-wrapped-shape.json"),
          accepted(
              "jfrog/jfrog-docker-deleted-wrapped-shape.json",
              "DELETED acme.jfrog.io/acme/worker [0.9.0]"
                  + " sha256:7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c"),
          ignored("jfrog/jfrog-artifact-deployed-shape.json"),
          accepted(
              "gar/gar-insert-tagged-shape.json",
              "PUSHED "
                  + GAR
                  + "/acme-prod/containers/web [4.1.0]"
                  + " sha256:1f2e3d4c5b6a79880f1e2d3c4b5a69788f9e0d1c2b3a49586f7e8d9c0b1a2938"),
          accepted(
              "gar/gar-insert-untagged-shape.json",
              "PUSHED "
                  + GAR
                  + "/acme-prod/containers/worker []"
                  + " sha256:2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819"),
          accepted(
              "gar/gar-delete-shape.json",
              "DELETED "
                  + GAR
                  + "/acme-prod/containers/web []"
                  + " sha256:3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b"));

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();
  private TopicRecorder published;

  /**
   * @param fixture path under {@code webhooks/}
   * @param status the HTTP status
   * @param outcome the answer's {@code status}, also the delivery log's outcome
   * @param events the events it publishes, as compact strings
   */
  record Expected(String fixture, int status, String outcome, List<String> events) {

    String provider() {
      return fixture.substring(0, fixture.indexOf('/'));
    }
  }

  private static Expected accepted(String fixture, String event) {
    return new Expected(fixture, 202, "accepted", List.of(event));
  }

  private static Expected ignored(String fixture) {
    return new Expected(fixture, 202, "ignored", List.of());
  }

  private static Expected duplicate(String fixture) {
    return new Expected(fixture, 200, "duplicate", List.of());
  }

  /** How a request proves its source: headers, or the URL's token segment. */
  record Credential(Map<String, String> headers, String pathToken) {

    static Credential header(String name, String value) {
      return new Credential(Map.of(name, value), null);
    }

    static Credential path(String token) {
      return new Credential(Map.of(), token);
    }

    static Credential none() {
      return new Credential(Map.of(), null);
    }
  }

  @BeforeAll
  void recordImageEvents() {
    published = TopicRecorder.recording(Topics.IMAGE_EVENTS);
  }

  @AfterAll
  void stopRecording() throws InterruptedException {
    published.close();
  }

  @Test
  void everyEndpointOfTheApiAnswers401WithoutACredentialWebhooksIncluded() throws Exception {
    assertThat(OpenEndpoints.endpoints(mappings))
        .contains(
            "POST /api/v1/reports/trivy",
            "GET /api/v1/images",
            "POST /api/v1/webhooks/{provider}/{source}",
            "POST /api/v1/webhooks/{provider}/{source}/{token}");
    assertThat(OpenEndpoints.find(mappings, port, path -> path.replace("{provider}", "harbor")))
        .isEmpty();
  }

  @Test
  void theTableNamesEveryFixtureOfEveryRegistry() throws IOException {
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      List<String> fixtures =
          files
              .filter(Files::isRegularFile)
              .filter(file -> !file.getFileName().toString().equals("NOTICE"))
              .map(file -> FIXTURES.relativize(file).toString().replace('\\', '/'))
              .toList();

      assertThat(CORPUS)
          .extracting(Expected::fixture)
          .containsExactlyInAnyOrderElementsOf(fixtures);
      assertThat(CORPUS).extracting(Expected::provider).containsAll(SECRETS.keySet());
    }
  }

  @Test
  void everyFixtureWithItsRegistrysCredentialGivesItsStatusAndItsEventsKeyedByRepository()
      throws Exception {
    Map<Expected, String> correlationIds = new LinkedHashMap<>();
    for (Expected expected : CORPUS) {
      byte[] body = fixture(expected.fixture());
      HttpResponse<String> response =
          deliver(expected.provider(), "corpus", body, rightCredential(expected.fixture(), body));

      assertThat(response.statusCode()).as(expected.fixture()).isEqualTo(expected.status());
      JsonNode receipt = JSON.readTree(response.body());
      assertThat(receipt.path("status").asString())
          .as(expected.fixture())
          .isEqualTo(expected.outcome());
      if (expected.outcome().equals("duplicate")) {
        assertThat(receipt.path("events").valueStream())
            .as(expected.fixture())
            .isNotEmpty()
            .allSatisfy(event -> assertThat(event.path("redelivery").asBoolean()).isTrue());
      } else {
        assertThat(receipt.path("events").size())
            .as(expected.fixture())
            .isEqualTo(expected.events().size());
      }
      correlationIds.put(expected, correlationId(response));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                correlationIds.forEach(
                    (expected, id) ->
                        assertThat(compactEvents(id))
                            .as(expected.fixture())
                            .containsAll(expected.events())));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                correlationIds.forEach(
                    (expected, id) ->
                        assertThat(compactEvents(id))
                            .as(expected.fixture())
                            .containsExactlyElementsOf(expected.events())));
    correlationIds.forEach(
        (expected, id) -> {
          for (ConsumerRecord<String, byte[]> record : recordsOf(id)) {
            ImageEvent event = EventJson.read(record.value(), ImageEvent.class);
            assertThat(record.key())
                .as(expected.fixture())
                .isEqualTo(event.registry() + "/" + event.repository())
                .isEqualTo(expected.events().getFirst().split(" ")[1]);
            assertThat(event.provider()).isEqualTo(expected.provider());
            assertThat(event.source()).isEqualTo("corpus");
          }
          assertThat(deliveryOutcomes(id))
              .as(expected.fixture())
              .containsExactly(expected.outcome());
        });
  }

  @Test
  void everyFixtureWithAWrongCredentialIs401AndLeavesNoEventAndNoDelivery() throws Exception {
    List<String> correlationIds = new ArrayList<>();
    for (Expected expected : CORPUS) {
      byte[] body = fixture(expected.fixture());
      Map<String, Credential> wrong = wrongCredentials(expected.fixture(), body);
      assertThat(wrong).hasSizeGreaterThanOrEqualTo(2);
      for (var credential : wrong.entrySet()) {
        String what = expected.fixture() + " with " + credential.getKey();
        HttpResponse<String> response =
            deliver(expected.provider(), "corpus", body, credential.getValue());

        assertThat(response.statusCode()).as(what).isEqualTo(401);
        assertProblem(response, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).isPresent();
        assertThat(response.body()).as(what).doesNotContain(SECRETS.get(expected.provider()));
        correlationIds.add(correlationId(response));
      }
    }

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> correlationIds.stream().allMatch(id -> recordsOf(id).isEmpty()));
    for (String id : correlationIds) {
      assertThat(deliveryOutcomes(id)).as(id).isEmpty();
    }
  }

  @Test
  void aMultiArchitectureDistributionPushIsOnePushOfTheIndexWithItsPlatforms() throws Exception {
    byte[] body = fixture("distribution/distribution-multiarch-index-push-shape.json");

    HttpResponse<String> response =
        deliver(
            "distribution",
            "multiarch",
            body,
            Credential.header("Authorization", "multiarch-secret-6a4f"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode receipt = JSON.readTree(response.body());
    assertThat(receipt.path("status").asString()).isEqualTo("accepted");
    assertThat(receipt.path("events").size()).isEqualTo(1);
    assertThat(receipt.path("ignored").asInt()).isEqualTo(4);
    String id = correlationId(response);
    await().atMost(Duration.ofSeconds(20)).until(() -> !recordsOf(id).isEmpty());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> recordsOf(id).size() == 1);
    ConsumerRecord<String, byte[]> record = recordsOf(id).getFirst();
    ImageEvent event = EventJson.read(record.value(), ImageEvent.class);
    assertThat(record.key()).isEqualTo("multiarch.example.test/acme/web");
    assertThat(compact(event)).isEqualTo("PUSHED multiarch.example.test/acme/web [1.4.0] " + INDEX);
    assertThat(event.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
    assertThat(event.platforms())
        .containsExactly(
            new ImagePlatform("linux", "amd64", null, AMD64),
            new ImagePlatform("linux", "arm64", "v8", ARM64));

    JsonNode images = images("registry=multiarch.example.test");
    assertThat(images.path("count").asInt()).isEqualTo(1);
    JsonNode image = images.path("images").get(0);
    assertThat(image.path("digest").asString()).isEqualTo(INDEX);
    assertThat(image.path("platforms").size()).isEqualTo(2);
  }

  @Test
  void theSameBytesDeliveredAgainAre200DuplicateAndPublishNothingNew() throws Exception {
    String repository = unique("redelivery") + "/web";
    byte[] push = harborPush(repository, digestOf(repository), "1.0", 1_700_000_000L);

    HttpResponse<String> first = deliver("harbor", "corpus", push, harborCredential());
    HttpResponse<String> second = deliver("harbor", "corpus", push, harborCredential());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode firstReceipt = JSON.readTree(first.body());
    JsonNode secondReceipt = JSON.readTree(second.body());
    assertThat(secondReceipt.path("status").asString()).isEqualTo("duplicate");
    assertThat(secondReceipt.path("events").get(0).path("redelivery").asBoolean()).isTrue();
    assertThat(secondReceipt.path("events").get(0).path("eventId").asString())
        .isEqualTo(firstReceipt.path("events").get(0).path("eventId").asString());
    String firstId = correlationId(first);
    String secondId = correlationId(second);
    assertThat(secondId).isNotEqualTo(firstId);
    await().atMost(Duration.ofSeconds(20)).until(() -> !recordsOf(firstId).isEmpty());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                recordsOf(firstId).size() == 1
                    && recordsOf(secondId).isEmpty()
                    && eventsAbout(repository) == 1);
    assertThat(deliveryOutcomes(secondId)).containsExactly("duplicate");
  }

  @Test
  void everyErrorIsAProblemWithAReasonAndNoneIs500() throws Exception {
    List<HttpResponse<String>> responses = new ArrayList<>();

    HttpResponse<String> unknownProvider =
        deliver("nexus", "corpus", "{}".getBytes(StandardCharsets.UTF_8), Credential.none());
    responses.add(unknownProvider);
    assertThat(unknownProvider.statusCode()).isEqualTo(404);
    assertProblem(unknownProvider, "unknown-provider");
    assertThat(problemOf(unknownProvider).path("detail").asString()).contains("harbor", "nexus");

    byte[] tooLarge =
        ("{\"type\": \"PUSH_ARTIFACT\", \"padding\": \"" + "x".repeat(70_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> large = deliver("harbor", "corpus", tooLarge, harborCredential());
    responses.add(large);
    assertThat(large.statusCode()).isEqualTo(413);
    assertProblem(large, "too-large");
    assertThat(problemOf(large).path("maxBytes").asLong()).isEqualTo(65_536);

    HttpResponse<String> malformed =
        deliver(
            "harbor",
            "corpus",
            "{\"type\": \"PUSH_ARTIFACT\",\n\"event_data\": [".getBytes(StandardCharsets.UTF_8),
            harborCredential());
    responses.add(malformed);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertProblem(malformed, "malformed-json");
    assertThat(problemOf(malformed).path("detail").asString()).contains("line 2");

    HttpResponse<String> otherShape =
        deliver(
            "harbor", "corpus", fixture("dockerhub/dockerhub-push-docs.json"), harborCredential());
    responses.add(otherShape);
    assertThat(otherShape.statusCode()).isEqualTo(422);
    assertProblem(otherShape, "unrecognised-payload");
    assertThat(problemOf(otherShape).path("expectedShape").asString()).contains("Harbor");

    String garToken = SECRETS.get("gar");
    HttpResponse<String> tokenInPath =
        deliver(
            "gar",
            "corpus",
            fixture("harbor/harbor-push-artifact-zulip-fixture.json"),
            Credential.path(garToken));
    responses.add(tokenInPath);
    assertThat(tokenInPath.statusCode()).isEqualTo(422);
    assertProblem(tokenInPath, "unrecognised-payload");
    assertThat(problemOf(tokenInPath).path("instance").asString())
        .isEqualTo("/api/v1/webhooks/gar/corpus");
    assertThat(tokenInPath.body()).doesNotContain(garToken);

    HttpResponse<String> badQueryOnTokenPath =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/webhooks/gar/corpus/" + garToken + "?x=%01"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badQueryOnTokenPath.statusCode()).isEqualTo(400);
    assertThat(problemOf(badQueryOnTokenPath).path("instance").asString())
        .isEqualTo("/api/v1/webhooks/");
    assertThat(badQueryOnTokenPath.body()).doesNotContain(garToken);

    String outside = unique("team-b") + "/web";
    HttpResponse<String> outOfScope =
        deliver(
            "harbor",
            "team-a",
            harborPush(outside, digestOf(outside), "1.0", 1_700_000_000L),
            Credential.header("Authorization", "team-a-secret-19bd"));
    responses.add(outOfScope);
    assertThat(outOfScope.statusCode()).isEqualTo(403);
    assertProblem(outOfScope, "out-of-scope");
    assertThat(problemOf(outOfScope).path("detail").asString()).contains(outside);

    String inside = "team-a/" + unique("scoped") + "/web";
    HttpResponse<String> inScope =
        deliver(
            "harbor",
            "team-a",
            harborPush(inside, digestOf(inside), "1.0", 1_700_000_000L),
            Credential.header("Authorization", "team-a-secret-19bd"));
    assertThat(inScope.statusCode()).as(inScope.body()).isEqualTo(202);

    HttpResponse<String> unknownSource =
        deliver(
            "harbor",
            "no-such-source",
            fixture("harbor/harbor-push-artifact-zulip-fixture.json"),
            harborCredential());
    responses.add(unknownSource);
    assertThat(unknownSource.statusCode()).isEqualTo(401);
    assertProblem(unknownSource, "unauthenticated");

    assertThat(responses).extracting(HttpResponse::statusCode).allMatch(status -> status < 500);
    String outOfScopeId = correlationId(outOfScope);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> recordsOf(outOfScopeId).isEmpty() && eventsAbout(outside) == 0);
  }

  @Test
  void theInventoryShowsPushesScansMovedTagsAndTrivyReportsAndFiltersThem() throws Exception {
    String prefix = unique("inventory");
    String web = prefix + "/web";
    String canary = prefix + "/web-canary";
    String registry = "harbor.inventory.test";
    String first = digestOf(web + "#1");
    String second = digestOf(web + "#2");

    accept(harborPush(web, first, "1.0", 1_700_000_000L));
    accept(harborPush(canary, digestOf(canary), "1.0", 1_700_000_010L));

    JsonNode pushed = only(images("repository=" + web));
    assertThat(pushed.path("registry").asString()).isEqualTo(registry);
    assertThat(pushed.path("digest").asString()).isEqualTo(first);
    assertThat(tags(pushed)).containsExactly("1.0");
    assertThat(pushed.path("scanStatus").asString()).isEqualTo("NOT_SCANNED");
    assertThat(pushed.path("pushedVia").asString()).isEqualTo("harbor/corpus");

    accept(harborScanCompleted(web, first, "1.0", 1_700_000_100L));

    JsonNode scanned = only(images("repository=" + web));
    assertThat(scanned.path("digest").asString()).isEqualTo(first);
    assertThat(scanned.path("scanStatus").asString()).isEqualTo("SCANNED");
    assertThat(scanned.path("scannedBy").asString()).isEqualTo("Trivy v0.50.0");
    assertThat(counts(scanned)).isEqualTo("1/2/0/3/0");

    accept(harborPush(web, second, "1.0", 1_700_000_200L));

    Map<String, JsonNode> byDigest = byDigest(images("repository=" + web));
    assertThat(byDigest).containsOnlyKeys(first, second);
    assertThat(tags(byDigest.get(second))).containsExactly("1.0");
    assertThat(tags(byDigest.get(first))).isEmpty();
    assertThat(byDigest.get(second).path("scanStatus").asString()).isEqualTo("NOT_SCANNED");
    assertThat(byDigest.get(first).path("scanStatus").asString()).isEqualTo("SCANNED");

    assertThat(repositories(images("repository=" + prefix + "/*")))
        .containsExactlyInAnyOrder(web, web, canary);
    assertThat(repositories(images("repository=" + prefix + "/**"))).hasSize(3);
    assertThat(repositories(images("repository=" + prefix + "/web-*"))).containsExactly(canary);
    assertThat(images("repository=" + unique("nothing") + "/**").path("count").asInt()).isZero();
    assertThat(digests(images("repository=" + web + "&tag=1.0"))).containsExactly(second);
    assertThat(digests(images("repository=" + web + "&scanStatus=SCANNED"))).containsExactly(first);
    assertThat(digests(images("repository=" + web + "&scanStatus=not-scanned")))
        .containsExactly(second);

    HttpResponse<String> badStatus = get("/api/v1/images?scanStatus=CLEAN");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertProblem(badStatus, "bad-request");
    assertThat(problemOf(badStatus).path("detail").asString()).contains("NOT_SCANNED");

    String api = prefix + "/api";
    String byDigestImage = digestOf(api + "#digest");
    String byTagImage = digestOf(api + "#tag");
    accept(harborPush(api, byDigestImage, "2.0", 1_700_000_300L));
    accept(harborPush(api, byTagImage, "3.0", 1_700_000_400L));

    postTrivyReport(registry + "/" + api + "@" + byDigestImage);
    postTrivyReport(registry + "/" + api + ":3.0");

    Map<String, JsonNode> reported = byDigest(images("repository=" + api));
    assertThat(reported.get(byDigestImage).path("scanStatus").asString()).isEqualTo("SCANNED");
    assertThat(reported.get(byDigestImage).path("scannedBy").asString()).isEqualTo("trivy");
    assertThat(counts(reported.get(byDigestImage))).isEqualTo("1/1/0/0/0");
    assertThat(reported.get(byTagImage).path("scanStatus").asString()).isEqualTo("SCANNED");
    assertThat(counts(reported.get(byTagImage))).isEqualTo("1/1/0/0/0");
  }

  @Test
  void thePrometheusCounterCountsAcceptedAndUnauthenticatedDeliveriesPerProvider()
      throws Exception {
    double acceptedBefore = received("acr", "accepted");
    double unauthenticatedBefore = received("acr", "unauthenticated");
    double bytesBefore = ingestedBytes();
    String repository = unique("metrics") + "/web";
    byte[] push =
        """
        {"id": "%s", "timestamp": "2026-03-09T10:15:30Z", "action": "push",
         "target": {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "digest": "%s", "repository": "%s", "tag": "1.0"},
         "request": {"id": "r-1", "host": "metrics.azurecr.io", "method": "PUT"}}
        """
            .formatted(UUID.randomUUID(), digestOf(repository), repository)
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> accepted =
        deliver("acr", "corpus", push, Credential.header("Authorization", SECRETS.get("acr")));
    HttpResponse<String> unauthenticated =
        deliver("acr", "corpus", push, Credential.header("Authorization", "not-the-secret"));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(received("acr", "accepted")).isEqualTo(acceptedBefore + 1);
    assertThat(received("acr", "unauthenticated")).isEqualTo(unauthenticatedBefore + 1);
    assertThat(ingestedBytes() - bytesBefore)
        .as("the unauthenticated delivery is not read")
        .isEqualTo(push.length);
  }

  @Test
  void aRedeliveryUnderANewTimeIsAnsweredWithTheIdOfTheEventPublishedAndChangesNoInventory()
      throws Exception {
    String repository = unique("twin") + "/web";
    String digest = digestOf(repository);
    accept(harborPush(repository, digest, "1.0", 1_700_000_000L));
    HttpResponse<String> scan =
        deliver(
            "harbor",
            "corpus",
            harborScanCompleted(repository, digest, "1.0", 1_700_000_100L),
            harborCredential());
    String scannedBy = only(images("repository=" + repository)).path("scannedBy").asString();

    List<HttpResponse<String>> twins = new ArrayList<>();
    for (long at : List.of(1_700_000_160L, 1_700_000_220L, 1_700_000_280L)) {
      byte[] redelivered =
          new String(harborScanCompleted(repository, digest, "1.0", at), StandardCharsets.UTF_8)
              .replace("v0.50.0", "v0.51." + at)
              .getBytes(StandardCharsets.UTF_8);
      twins.add(deliver("harbor", "corpus", redelivered, harborCredential()));
    }

    assertThat(scan.statusCode()).as(scan.body()).isEqualTo(202);
    String published = JSON.readTree(scan.body()).path("events").get(0).path("eventId").asString();
    for (HttpResponse<String> twin : twins) {
      assertThat(twin.statusCode()).as(twin.body()).isEqualTo(200);
      JsonNode receipt = JSON.readTree(twin.body());
      assertThat(receipt.path("status").asString()).isEqualTo("duplicate");
      assertThat(receipt.path("events").get(0).path("eventId").asString()).isEqualTo(published);
    }
    assertThat(only(images("repository=" + repository)).path("scannedBy").asString())
        .isEqualTo(scannedBy)
        .isEqualTo("Trivy v0.50.0");
  }

  @Test
  void aWrongHeaderOrPathCredentialIs401WhateverTheSizeAndASignedBodyOverTheLimitIs413()
      throws Exception {
    byte[] large =
        ("{\"padding\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> header =
        deliver("harbor", "corpus", large, Credential.header("Authorization", "wrong"));
    HttpResponse<String> path = deliver("dockerhub", "corpus", large, Credential.path("wrong"));
    HttpResponse<String> signed =
        deliver("github", "corpus", large, credential("github", "wrong", large, false));

    assertThat(header.statusCode()).isEqualTo(401);
    assertProblem(header, "unauthenticated");
    assertThat(path.statusCode()).isEqualTo(401);
    assertProblem(path, "unauthenticated");
    assertThat(signed.statusCode())
        .as("the body is read before its signature is checked")
        .isEqualTo(413);
    assertProblem(signed, "too-large");
  }

  @Test
  void aGzipWebhookIsReadWithinTheLimitAndJsonMediaTypesAreAccepted() throws Exception {
    String repository = unique("gzip") + "/web";
    byte[] push = harborPush(repository, digestOf(repository), "1.0", 1_700_000_000L);
    String distributionRepository = unique("events-type") + "/web";
    byte[] distributionPush =
        """
        {"events": [{"id": "%s", "timestamp": "2026-03-09T10:15:30Z", "action": "push",
          "target": {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                     "digest": "%s", "repository": "%s", "tag": "1.0"},
          "request": {"host": "events-type.example.test"}}]}
        """
            .formatted(UUID.randomUUID(), digestOf(distributionRepository), distributionRepository)
            .getBytes(StandardCharsets.UTF_8);
    byte[] bomb =
        gzip(("{\"padding\": \"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> gzipped =
        post(
            "/api/v1/webhooks/harbor/corpus",
            gzip(push),
            Map.of(
                "Authorization", SECRETS.get("harbor"),
                "Content-Encoding", "gzip",
                "Content-Type", "application/json; charset=utf-8"));
    HttpResponse<String> eventsType =
        post(
            "/api/v1/webhooks/distribution/corpus",
            distributionPush,
            Map.of(
                "Authorization",
                SECRETS.get("distribution"),
                "Content-Type",
                "application/vnd.docker.distribution.events.v1+json"));
    HttpResponse<String> tooLarge =
        post(
            "/api/v1/webhooks/harbor/corpus",
            bomb,
            Map.of(
                "Authorization", SECRETS.get("harbor"),
                "Content-Encoding", "gzip",
                "Content-Type", "application/json"));

    assertThat(bomb.length).isLessThan(65_536);
    assertThat(gzipped.statusCode()).as(gzipped.body()).isEqualTo(202);
    assertThat(only(images("repository=" + repository)).path("digest").asString())
        .isEqualTo(digestOf(repository));
    assertThat(eventsType.statusCode()).as(eventsType.body()).isEqualTo(202);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertProblem(tooLarge, "too-large");
  }

  @Test
  void anotherEncodingOrANonJsonContentTypeIs415AndAFormTellsGitHubUsersWhatToChoose()
      throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Map<String, String> harbor = Map.of("Authorization", SECRETS.get("harbor"));

    HttpResponse<String> brotli =
        post("/api/v1/webhooks/harbor/corpus", body, with(harbor, "Content-Encoding", "br"));
    HttpResponse<String> form =
        post(
            "/api/v1/webhooks/github/corpus",
            "payload=%7B%7D".getBytes(StandardCharsets.UTF_8),
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "X-GitHub-Event", "package",
                "X-Hub-Signature-256",
                    "sha256="
                        + hmac(
                            SECRETS.get("github"),
                            "payload=%7B%7D".getBytes(StandardCharsets.UTF_8))));
    HttpResponse<String> text =
        post("/api/v1/webhooks/harbor/corpus", body, with(harbor, "Content-Type", "text/plain"));

    for (HttpResponse<String> response : List.of(brotli, form, text)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
      assertProblem(response, "unsupported-media-type");
    }
    assertThat(problemOf(form).path("detail").asString()).contains("GitHub", "application/json");
  }

  @Test
  void theSafetyLimitsAre422AndTrailingDataIs400InPlainWords() throws Exception {
    HttpResponse<String> deep =
        deliver(
            "harbor",
            "corpus",
            ("[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.UTF_8),
            harborCredential());
    HttpResponse<String> trailing =
        deliver("harbor", "corpus", "{} {}".getBytes(StandardCharsets.UTF_8), harborCredential());

    assertThat(deep.statusCode()).isEqualTo(422);
    assertProblem(deep, "limit-exceeded");
    assertThat(problemOf(deep).path("detail").asString())
        .contains("nesting depth")
        .doesNotContain("StreamReadConstraints");
    assertThat(trailing.statusCode()).isEqualTo(400);
    assertProblem(trailing, "malformed-json");
    assertThat(problemOf(trailing).path("detail").asString())
        .contains("unexpected data after the JSON document")
        .doesNotContain("jackson", "FAIL_ON_TRAILING_TOKENS");
  }

  @Test
  void aPathTokenUrlWithATrailingSlashOrAnExtraSegmentIs404WithoutTheToken() throws Exception {
    String dockerhub = SECRETS.get("dockerhub");
    String quay = SECRETS.get("quay");
    byte[] body = fixture("dockerhub/dockerhub-push-docs.json");

    HttpResponse<String> slash =
        post(
            "/api/v1/webhooks/dockerhub/corpus/" + dockerhub + "/",
            body,
            Map.of("Content-Type", "application/json"));
    HttpResponse<String> extra =
        post(
            "/api/v1/webhooks/quay/corpus/" + quay + "/extra",
            body,
            Map.of("Content-Type", "application/json"));

    assertThat(slash.statusCode()).isEqualTo(404);
    assertProblem(slash, "not-found");
    assertThat(problemOf(slash).path("detail").asString()).isEqualTo("no endpoint at this path");
    assertThat(problemOf(slash).path("instance").asString())
        .isEqualTo("/api/v1/webhooks/dockerhub/corpus");
    assertThat(slash.body()).doesNotContain(dockerhub);
    assertThat(extra.statusCode()).isEqualTo(404);
    assertThat(problemOf(extra).path("instance").asString())
        .isEqualTo("/api/v1/webhooks/quay/corpus");
    assertThat(extra.body()).doesNotContain(quay);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void unknownPathsAndMethodsAreAnsweredWithoutLoggingEachOrEchoingAToken(CapturedOutput output)
      throws Exception {
    String token = "path-token-" + UUID.randomUUID();
    List<String> responses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      responses.add(
          rawExchange("POST /api/v1/webhooks/quay/corpus/../corpus/" + token + " HTTP/1.1"));
      responses.add(rawExchange("PUT /api/v1/reports/trivy HTTP/1.1"));
      responses.add(rawExchange("GET /api/v2/nothing-here HTTP/1.1"));
    }

    assertThat(responses).allSatisfy(response -> assertThat(response).startsWith("HTTP/1.1 4"));
    assertThat(responses.get(1)).startsWith("HTTP/1.1 405");
    String notFound = responses.get(2);
    assertThat(notFound).startsWith("HTTP/1.1 404");
    assertThat(
            JSON.readTree(notFound.substring(notFound.indexOf('{'), notFound.lastIndexOf('}') + 1))
                .path("detail")
                .asString())
        .isEqualTo("no endpoint at this path");
    assertThat(String.join("\n", responses)).doesNotContain(token);
    assertThat(output.getAll())
        .doesNotContain(token)
        .doesNotContain("Request method 'PUT' is not supported");
  }

  @Test
  void requestsTomcatRefusesItselfAreAnsweredWithProblemJsonThatEchoesNothing() throws Exception {
    List<String> requestLines =
        List.of(
            "POST /api/v1/webhooks/harbor/%2e%2e%2f%2e%2e%2freports%2ftrivy HTTP/1.1",
            "GET /api/v1/reports/..%2f HTTP/1.1",
            "GET /api/v1/reports/..%5c HTTP/1.1",
            "GET /api/v1/images?registry[$ne]=x HTTP/1.1",
            "GET /api/v1/images?registry=a\\b HTTP/1.1",
            "GET /api/v1/images?repository=" + "x".repeat(100_000) + " HTTP/1.1");

    for (String requestLine : requestLines) {
      String response = rawExchange(requestLine);
      String what = requestLine.substring(0, Math.min(80, requestLine.length()));
      assertThat(response).as(what).startsWith("HTTP/1.1 400");
      assertThat(response.toLowerCase(java.util.Locale.ROOT))
          .as(what)
          .contains("content-type: application/problem+json")
          .doesNotContain("<html");
      JsonNode problem =
          JSON.readTree(response.substring(response.indexOf('{'), response.lastIndexOf('}') + 1));
      assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
      assertThat(problem.path("reason").asString()).as(what).isEqualTo("bad-request");
      assertThat(problem.path("title").asString()).as(what).isNotBlank();
      assertThat(problem.path("detail").asString())
          .as(what)
          .isNotBlank()
          .doesNotContain("reports", "images", "%2", "$ne");
    }
  }

  @Test
  void imageFiltersWithControlCharactersAndParametersThatAreNotUtf8Are400() throws Exception {
    List<HttpResponse<String>> refused =
        List.of(
            get("/api/v1/images?repository=a%00b"),
            get("/api/v1/images?tag=a%0Ab"),
            get("/api/v1/images?registry=a%1Fb"),
            get("/api/v1/images?repository=%FF"),
            get("/api/v1/images?tag=%C0%80"),
            http.send(
                HttpRequest.newBuilder(uri("/api/v1/reports/trivy?image=%FF"))
                    .header("Authorization", "Bearer " + API_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));

    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
      assertProblem(response, "bad-request");
    }
  }

  @Test
  void anImageKnownOnlyFromATrivyReportByTagIsListed() throws Exception {
    String repository = unique("report-only") + "/api";

    postTrivyReport("harbor.inventory.test/" + repository + ":7.0");

    JsonNode image = only(images("repository=" + repository));
    assertThat(image.path("registry").asString()).isEqualTo("harbor.inventory.test");
    assertThat(tags(image)).containsExactly("7.0");
    assertThat(image.path("scanStatus").asString()).isEqualTo("SCANNED");
    assertThat(counts(image)).isEqualTo("1/1/0/0/0");

    String digest = digestOf(repository);
    accept(harborPush(repository, digest, "7.0", 1_700_000_000L));
    Map<String, JsonNode> afterPush = byDigest(images("repository=" + repository + "&tag=7.0"));
    assertThat(afterPush).containsOnlyKeys(digest);
  }

  // --- credentials -------------------------------------------------------------------------

  private static Credential rightCredential(String fixture, byte[] body) {
    String provider = fixture.substring(0, fixture.indexOf('/'));
    return credential(provider, SECRETS.get(provider), body, JFROG_PLAIN_TOKEN.contains(fixture));
  }

  /** Wrong secrets for every provider, no credential, and for signing ones, other bytes signed. */
  private static Map<String, Credential> wrongCredentials(String fixture, byte[] body) {
    String provider = fixture.substring(0, fixture.indexOf('/'));
    String secret = SECRETS.get(provider);
    Map<String, Credential> wrong = new LinkedHashMap<>();
    wrong.put("a wrong secret", credential(provider, "wrong-secret-of-" + provider, body, false));
    wrong.put("no credential", Credential.none());
    if (provider.equals("github") || provider.equals("jfrog")) {
      byte[] other =
          (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
      wrong.put("a signature of other bytes", credential(provider, secret, other, false));
    }
    if (provider.equals("jfrog")) {
      wrong.put(
          "a wrong plain token", credential(provider, "wrong-token-of-" + provider, body, true));
    }
    return wrong;
  }

  private static Credential credential(
      String provider, String secret, byte[] signed, boolean plainToken) {
    return switch (provider) {
      case "harbor", "distribution", "acr" -> Credential.header("Authorization", secret);
      case "ecr" -> Credential.header("X-Api-Key", secret);
      case "github" -> Credential.header("X-Hub-Signature-256", "sha256=" + hmac(secret, signed));
      case "jfrog" ->
          Credential.header("X-JFrog-Event-Auth", plainToken ? secret : hmac(secret, signed));
      case "dockerhub", "quay", "gar" -> Credential.path(secret);
      default -> throw new IllegalArgumentException("no credential for " + provider);
    };
  }

  private static Credential harborCredential() {
    return Credential.header("Authorization", SECRETS.get("harbor"));
  }

  private static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- HTTP --------------------------------------------------------------------------------

  private HttpResponse<String> deliver(
      String provider, String source, byte[] body, Credential credential) throws Exception {
    String path =
        "/api/v1/webhooks/"
            + provider
            + "/"
            + source
            + (credential.pathToken() == null ? "" : "/" + credential.pathToken());
    var request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    credential.headers().forEach(request::header);
    if (provider.equals("github")) {
      boolean registryPackage =
          new String(body, StandardCharsets.UTF_8).contains("\"registry_package\"");
      request.header("X-GitHub-Event", registryPackage ? "registry_package" : "package");
      request.header("X-GitHub-Delivery", UUID.randomUUID().toString());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a Harbor delivery that must be accepted. */
  private void accept(byte[] harborDelivery) throws Exception {
    HttpResponse<String> response = deliver("harbor", "corpus", harborDelivery, harborCredential());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(JSON.readTree(response.body()).path("status").asString()).isEqualTo("accepted");
  }

  private void postTrivyReport(String image) throws Exception {
    byte[] report =
        """
        {"SchemaVersion": 2, "ArtifactName": "image.tar", "ArtifactType": "container_image",
         "Nonce": "%s",
         "Results": [{"Target": "image.tar", "Vulnerabilities": [
           {"VulnerabilityID": "CVE-2099-1", "PkgName": "openssl", "InstalledVersion": "1.0",
            "FixedVersion": "1.1", "Severity": "CRITICAL"},
           {"VulnerabilityID": "CVE-2099-2", "PkgName": "zlib", "InstalledVersion": "1.2",
            "Severity": "HIGH"}]}]}
        """
            .formatted(UUID.randomUUID())
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/reports/trivy?image=" + image))
                .header("Authorization", "Bearer " + API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    var all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return all;
  }

  /** Sends {@code requestLine} as it is, which no HTTP client would, and returns the answer. */
  private String rawExchange(String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              (requestLine
                      + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                      + API_TOKEN
                      + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private JsonNode images(String query) throws Exception {
    HttpResponse<String> response = get("/api/v1/images?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + API_TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double ingestedBytes() throws Exception {
    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher line =
        Pattern.compile(
                "(?m)^scanwatch_ingested_bytes_total\\{[^}]*input=\"webhook\"[^}]*} (\\S+)$")
            .matcher(metrics.body());
    assertThat(line.find()).as("the webhook bytes series exists from the start").isTrue();
    return Double.parseDouble(line.group(1));
  }

  /** The counter's value, 0 before its first increment. */
  private double received(String provider, String outcome) throws Exception {
    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    Matcher line =
        Pattern.compile("(?m)^scanwatch_webhooks_received_total\\{([^}]*)} (\\S+)$")
            .matcher(metrics.body());
    double value = 0;
    while (line.find()) {
      String labels = line.group(1);
      if (labels.contains("provider=\"" + provider + "\"")
          && labels.contains("outcome=\"" + outcome + "\"")) {
        value += Double.parseDouble(line.group(2));
      }
    }
    return value;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String correlationId(HttpResponse<String> response) {
    return response.headers().firstValue("X-Correlation-Id").orElseThrow();
  }

  private static JsonNode problemOf(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static void assertProblem(HttpResponse<String> response, String reason) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = problemOf(response);
    assertThat(problem.path("reason").asString()).isEqualTo(reason);
    assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
    assertThat(problem.path("detail").asString()).isNotBlank();
  }

  // --- Kafka and the store -----------------------------------------------------------------

  private List<ConsumerRecord<String, byte[]>> recordsOf(String correlationId) {
    return published.records().stream()
        .filter(record -> record.topic().equals(Topics.IMAGE_EVENTS))
        .filter(
            record ->
                correlationId.equals(
                    EventJson.read(record.value(), ImageEvent.class).correlationId()))
        .toList();
  }

  private List<String> compactEvents(String correlationId) {
    return recordsOf(correlationId).stream()
        .map(record -> compact(EventJson.read(record.value(), ImageEvent.class)))
        .toList();
  }

  private long eventsAbout(String repository) {
    return published
        .events(
            Topics.IMAGE_EVENTS, ImageEvent.class, event -> event.repository().equals(repository))
        .size();
  }

  private List<String> deliveryOutcomes(String correlationId) {
    return mongo
        .find(
            Query.query(Criteria.where("correlationId").is(correlationId)),
            org.bson.Document.class,
            DELIVERIES)
        .stream()
        .map(document -> document.getString("outcome"))
        .toList();
  }

  /** {@code ACTION registry/repository [tags] digest}, and the scan's result for scans. */
  private static String compact(ImageEvent event) {
    String image =
        event.action()
            + " "
            + event.repositoryKey()
            + " "
            + event.tags()
            + " "
            + (event.digest() == null ? "-" : event.digest());
    return switch (event.action()) {
      case PUSHED, DELETED -> image;
      case SCAN_COMPLETED -> {
        var c = event.scan().counts();
        yield image
            + " "
            + c.critical()
            + "/"
            + c.high()
            + "/"
            + c.medium()
            + "/"
            + c.low()
            + "/"
            + c.unknown();
      }
      case SCAN_FAILED -> image + " failed";
      case SCAN_UNAVAILABLE -> image + " unavailable";
    };
  }

  // --- payloads and answers ----------------------------------------------------------------

  private static byte[] fixture(String path) {
    try {
      return Files.readAllBytes(FIXTURES.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] harborPush(String repository, String digest, String tag, long occurAt) {
    return """
        {"type": "PUSH_ARTIFACT", "occur_at": %d, "operator": "ci",
         "event_data": {
           "resources": [{"digest": "%s", "tag": "%s",
                          "resource_url": "harbor.inventory.test/%s:%s"}],
           "repository": {"repo_full_name": "%s"}}}
        """
        .formatted(occurAt, digest, tag, repository, tag, repository)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] harborScanCompleted(
      String repository, String digest, String tag, long occurAt) {
    return """
        {"type": "SCANNING_COMPLETED", "occur_at": %d, "operator": "auto",
         "event_data": {
           "resources": [{"digest": "%s", "tag": "%s",
                          "resource_url": "harbor.inventory.test/%s:%s",
                          "scan_overview": {
                            "application/vnd.security.vulnerability.report; version=1.1": {
                              "scan_status": "Success", "severity": "Critical",
                              "scanner": {"name": "Trivy", "version": "v0.50.0"},
                              "summary": {"total": 6, "fixable": 2,
                                          "summary": {"Critical": 1, "High": 2, "Low": 3}}}}}],
           "repository": {"repo_full_name": "%s"}}}
        """
        .formatted(occurAt, digest, tag, repository, tag, repository)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A name no other test uses. */
  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String digestOf(String seed) {
    try {
      return "sha256:"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode only(JsonNode images) {
    assertThat(images.path("count").asInt()).as(images.toString()).isEqualTo(1);
    return images.path("images").get(0);
  }

  private static Map<String, JsonNode> byDigest(JsonNode images) {
    Map<String, JsonNode> byDigest = new LinkedHashMap<>();
    images.path("images").forEach(image -> byDigest.put(image.path("digest").asString(), image));
    return byDigest;
  }

  private static List<String> tags(JsonNode image) {
    return image.path("tags").valueStream().map(JsonNode::asString).toList();
  }

  private static List<String> digests(JsonNode images) {
    return images.path("images").valueStream().map(i -> i.path("digest").asString()).toList();
  }

  private static List<String> repositories(JsonNode images) {
    return images.path("images").valueStream().map(i -> i.path("repository").asString()).toList();
  }

  private static String counts(JsonNode image) {
    JsonNode c = image.path("counts");
    return c.path("critical").asInt()
        + "/"
        + c.path("high").asInt()
        + "/"
        + c.path("medium").asInt()
        + "/"
        + c.path("low").asInt()
        + "/"
        + c.path("unknown").asInt();
  }
}
