package io.scanwatch.ingest.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookNormalizerContract;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GitHubWebhookNormalizerTest extends WebhookNormalizerContract {

  private static final String PACKAGE = "github/github-package-published-docker.json";
  private static final String REGISTRY_PACKAGE =
      "github/github-registry_package-published-docker.json";
  private static final String UPDATED = "github/github-package-updated-container-shape.json";

  private static final String DELIVERY = "7b3f9e10-c6a1-11ef-8a2b-3d4c5e6f7a8b";
  private static final String DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json";

  private final GitHubWebhookNormalizer normalizer = new GitHubWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(PACKAGE, REGISTRY_PACKAGE, UPDATED);
  }

  @Override
  protected Map<String, String> headersFor(String sample) {
    return headers(sample.equals(REGISTRY_PACKAGE) ? "registry_package" : "package");
  }

  @Test
  void deliveriesAreSignedWithHubSignature256() {
    assertThat(normalizer.provider()).isEqualTo("github");
    assertThat(normalizer.authentication())
        .isEqualTo(
            new WebhookAuthentication.HmacSignature("X-Hub-Signature-256", "sha256=", false));
  }

  @Test
  void aPublishedDockerPackageIsAnUntaggedPushToGhcr() {
    assertThat(events(PACKAGE, headersFor(PACKAGE)))
        .containsExactly(
            new RegistryEvent(
                ImageAction.PUSHED,
                "ghcr.io",
                "codertocat/hello-world-npm",
                List.of(),
                // The tag's digest in GitHub's example is 40 hex long, not a sha256 digest; the
                // version, a container package's manifest digest, is.
                "sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498",
                DOCKER_V2,
                List.of(),
                null,
                // The version's times are Go's zero time: the package's update time is used.
                Instant.parse("2019-05-09T23:28:29Z"),
                DELIVERY));
  }

  @Test
  void theOlderRegistryPackageEventReadsTheSameWay() {
    assertThat(events(REGISTRY_PACKAGE, headersFor(REGISTRY_PACKAGE)))
        .containsExactly(
            new RegistryEvent(
                ImageAction.PUSHED,
                "ghcr.io",
                "codertocat/hello-world-npm",
                List.of(),
                "sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498",
                DOCKER_V2,
                List.of(),
                null,
                Instant.parse("2019-05-09T23:28:29Z"),
                DELIVERY));
  }

  @Test
  void anUpdatedContainerPackageIsATaggedPushNamedInLowerCase() {
    assertThat(events(UPDATED, headersFor(UPDATED)))
        .containsExactly(
            new RegistryEvent(
                ImageAction.PUSHED,
                "ghcr.io",
                "acme-corp/web",
                List.of("1.4.0"),
                "sha256:c0ffee0000000000000000000000000000000000000000000000000000000042",
                "application/vnd.oci.image.index.v1+json",
                List.of(),
                null,
                Instant.parse("2026-11-20T09:15:30Z"),
                DELIVERY));
  }

  @Test
  void eitherBodyKeyIsReadWhateverTheEventHeaderSays() {
    assertThat(normalize(REGISTRY_PACKAGE, headers("package")))
        .isEqualTo(normalize(REGISTRY_PACKAGE, headers("registry_package")))
        .isInstanceOf(WebhookOutcome.Normalized.class);
  }

  @Test
  void withoutATagDigestTheVersionsDigestIsUsed() {
    ObjectNode body = (ObjectNode) sample(PACKAGE);
    ((ObjectNode) body.at("/package/package_version/container_metadata/tag")).remove("digest");

    assertThat(event(body).digest())
        .isEqualTo("sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498");
  }

  @Test
  void withoutTheDeliveryHeaderThereIsNoDeliveryId() {
    WebhookOutcome outcome =
        normalizer.normalize(
            new WebhookPayload(sample(PACKAGE), Map.of("X-GitHub-Event", "package")));

    assertThat(((WebhookOutcome.Normalized) outcome).events().getFirst().deliveryId()).isNull();
  }

  @Test
  void aPingIsIgnored() {
    JsonNode ping = JSON.readTree("{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 42}");

    assertThat(normalizer.normalize(new WebhookPayload(ping, headers("ping"))))
        .isInstanceOf(WebhookOutcome.Ignored.class);
  }

  @Test
  void anotherEventTypeIsIgnored() {
    JsonNode push = JSON.readTree("{\"ref\": \"refs/heads/main\", \"commits\": []}");

    assertThat(normalizer.normalize(new WebhookPayload(push, headers("push"))))
        .isInstanceOfSatisfying(
            WebhookOutcome.Ignored.class, i -> assertThat(i.reason()).contains("push"));
  }

  @Test
  void aPackageOfAnotherEcosystemIsIgnored() {
    ObjectNode body = (ObjectNode) sample(PACKAGE);
    ((ObjectNode) body.get("package")).put("ecosystem", "npm");

    assertThat(normalize(body))
        .isInstanceOfSatisfying(
            WebhookOutcome.Ignored.class, i -> assertThat(i.reason()).contains("npm"));
  }

  @Test
  void aContainerPackageTypeIsEnoughWhateverTheEcosystem() {
    ObjectNode body = (ObjectNode) sample(UPDATED);
    ((ObjectNode) body.get("package")).put("ecosystem", "something-new");

    assertThat(normalize(body)).isInstanceOf(WebhookOutcome.Normalized.class);
  }

  @Test
  void anUndocumentedActionIsIgnored() {
    ObjectNode body = (ObjectNode) sample(UPDATED);
    body.put("action", "deleted");

    assertThat(normalize(body)).isInstanceOf(WebhookOutcome.Ignored.class);
  }

  @Test
  void aPackageWithoutAnOwnerIsUnrecognizedNamingTheField() {
    ObjectNode body = (ObjectNode) sample(PACKAGE);
    ((ObjectNode) body.get("package")).remove("owner");

    assertThat(normalize(body))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("package.owner.login"));
  }

  @Test
  void aPackageEventWhoseBodyHasNoPackageIsUnrecognizedNamingTheMissingObject() {
    JsonNode ping = JSON.readTree("{\"zen\": \"hi\", \"hook_id\": 1}");

    assertThat(normalizer.normalize(new WebhookPayload(ping, headers("package"))))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("\"package\" object"));
    assertThat(normalizer.normalize(new WebhookPayload(ping, headers("registry_package"))))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("\"registry_package\" object"));
  }

  @Test
  void aBodyWithoutAPackageAndWithoutAnEventHeaderIsUnrecognized() {
    assertThat(
            normalizer.normalize(WebhookPayload.of(JSON.readTree("{\"action\": \"published\"}"))))
        .isInstanceOf(WebhookOutcome.Unrecognized.class);
  }

  private WebhookOutcome normalize(JsonNode body) {
    return normalizer.normalize(new WebhookPayload(body, headers("package")));
  }

  private RegistryEvent event(JsonNode body) {
    WebhookOutcome outcome = normalize(body);
    assertThat(outcome).isInstanceOf(WebhookOutcome.Normalized.class);
    return ((WebhookOutcome.Normalized) outcome).events().getFirst();
  }

  private static Map<String, String> headers(String event) {
    return Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", DELIVERY);
  }
}
