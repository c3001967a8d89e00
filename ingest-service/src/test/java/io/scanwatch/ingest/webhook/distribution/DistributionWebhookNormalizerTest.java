package io.scanwatch.ingest.webhook.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImagePlatform;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookNormalizerContract;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DistributionWebhookNormalizerTest extends WebhookNormalizerContract {

  private static final String PULL =
      "distribution/distribution-v2-envelope-pull-manifest-docs.json";
  private static final String PUSH_WITH_LAYERS =
      "distribution/distribution-v2-envelope-push-manifest-and-layers-docs.json";
  private static final String B15 = "distribution/B15-distribution-push-no-tag-url-by-digest.json";
  private static final String MULTI_ARCH =
      "distribution/distribution-multiarch-index-push-shape.json";
  private static final String DELETE =
      "distribution/distribution-manifest-and-tag-delete-shape.json";

  private static final String DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json";
  private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String AMD64 =
      "sha256:b13134affa8bf002d54c4138df7ab92de8db22d5d4b001add5f9339d0a4a0ba1";
  private static final String ARM64 =
      "sha256:e9913b08d6f51829c3d58461d3686d19de5c0b467aaf6bbad4f8d100a8cbafcb";
  private static final String ATTESTATION =
      "sha256:7abe5a4c3765cadfe399afdc1836b3923bc4a95d758600c3b11f712fc3014223";
  private static final String INDEX =
      "sha256:dee9ea544c03f8573182f1bdd2533c08ac5427d6a9dbd2fb92bd58e56d3212db";
  private static final String B15_DIGEST =
      "sha256:3333333333333333333333333333333333333333333333333333333333333333";

  private final DistributionWebhookNormalizer normalizer = new DistributionWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(PULL, PUSH_WITH_LAYERS, B15, MULTI_ARCH, DELETE);
  }

  @Test
  void theSecretComesInTheAuthorizationHeaderTheEndpointConfigurationSends() {
    assertThat(normalizer.provider()).isEqualTo("distribution");
    assertThat(normalizer.authentication())
        .isEqualTo(new WebhookAuthentication.SharedSecretHeader("Authorization"));
  }

  @Test
  void aManifestPullIsIgnored() {
    assertThat(normalize(PULL))
        .isInstanceOfSatisfying(
            WebhookOutcome.Ignored.class,
            ignored ->
                assertThat(ignored.reason())
                    .contains("pull of application/vnd.docker.distribution.manifest.v2+json"));
  }

  @Test
  void theManifestPushIsReadAndTheLayerPushesAreCountedAsIgnored() {
    assertThat(normalize(PUSH_WITH_LAYERS))
        .isEqualTo(
            new WebhookOutcome.Normalized(
                List.of(
                    new RegistryEvent(
                        ImageAction.PUSHED,
                        "registrycluster.local",
                        "library/test",
                        List.of(),
                        "sha256:fea8895f450959fa676bcc1df0611ea93823a735a01205fd8622846041d0c7cf",
                        DOCKER_V2,
                        List.of(),
                        null,
                        Instant.parse("2006-01-02T15:04:05Z"),
                        "asdf-asdf-asdf-asdf-0")),
                2));
  }

  @Test
  void aPushWithoutATagHasNoTagEvenWhenTheUrlEndsInADigest() {
    assertThat(normalize(B15))
        .isEqualTo(
            WebhookOutcome.Normalized.of(
                new RegistryEvent(
                    ImageAction.PUSHED,
                    "registry.example.test",
                    "acme/web",
                    List.of(),
                    B15_DIGEST,
                    DOCKER_V2,
                    List.of(),
                    null,
                    Instant.parse("2024-03-01T12:00:00Z"),
                    "00000000-0000-4000-8000-000000000015")));
  }

  @Test
  void theTagComesFromTheTargetsTagField() {
    ObjectNode body = (ObjectNode) sample(B15);
    target(body, 0).put("tag", "1.4.0");

    assertThat(only(body).tags()).containsExactly("1.4.0");
  }

  @Test
  void withoutARequestHostTheRegistryIsTheHostOfTheTargetUrl() {
    ObjectNode body = (ObjectNode) sample(PUSH_WITH_LAYERS);
    ((ObjectNode) body.get("events").get(0)).remove("request");

    assertThat(only(body).registry()).isEqualTo("example.com");
  }

  @Test
  void anIndexPushWithItsPlatformManifestsIsOnePushOfTheIndexWithItsPlatforms() {
    WebhookOutcome outcome = normalize(MULTI_ARCH);

    assertThat(outcome)
        .isEqualTo(
            new WebhookOutcome.Normalized(
                List.of(
                    new RegistryEvent(
                        ImageAction.PUSHED,
                        "registry.example.test:5000",
                        "acme/web",
                        List.of("1.4.0"),
                        INDEX,
                        OCI_INDEX,
                        List.of(
                            new ImagePlatform("linux", "amd64", null, AMD64),
                            new ImagePlatform("linux", "arm64", "v8", ARM64)),
                        null,
                        Instant.parse("2026-11-20T09:15:05Z"),
                        "6f1c2a8e-0000-4000-8000-000000000005")),
                4));
  }

  @Test
  void withoutReferencesTheUntaggedManifestPushesOfTheRepositoryAreTheIndexsPlatforms() {
    ObjectNode body = (ObjectNode) sample(MULTI_ARCH);
    target(body, 4).remove("references");

    WebhookOutcome.Normalized outcome = (WebhookOutcome.Normalized) normalize(body);

    assertThat(outcome.ignored()).isEqualTo(4);
    assertThat(outcome.events()).singleElement().extracting(RegistryEvent::digest).isEqualTo(INDEX);
    assertThat(outcome.events().getFirst().platforms())
        .containsExactly(
            new ImagePlatform(null, null, null, AMD64),
            new ImagePlatform(null, null, null, ARM64),
            new ImagePlatform(null, null, null, ATTESTATION));
  }

  @Test
  void twoIndexPushesWithoutReferencesLeaveTheManifestPushesUnfolded() {
    ObjectNode body = (ObjectNode) sample(MULTI_ARCH);
    target(body, 4).remove("references");
    ArrayNode events = (ArrayNode) body.get("events");
    ObjectNode secondIndex = (ObjectNode) events.get(4).deepCopy();
    ((ObjectNode) secondIndex.get("target"))
        .put("digest", "sha256:5555555555555555555555555555555555555555555555555555555555555555");
    events.add(secondIndex);

    WebhookOutcome.Normalized outcome = (WebhookOutcome.Normalized) normalize(body);

    assertThat(outcome.ignored()).isEqualTo(1);
    assertThat(outcome.events())
        .extracting(RegistryEvent::digest)
        .containsExactly(
            AMD64,
            ARM64,
            ATTESTATION,
            INDEX,
            "sha256:5555555555555555555555555555555555555555555555555555555555555555");
    assertThat(outcome.events()).allSatisfy(event -> assertThat(event.platforms()).isEmpty());
  }

  @Test
  void aTaggedPlatformManifestPushStaysItsOwnEvent() {
    ObjectNode body = (ObjectNode) sample(MULTI_ARCH);
    target(body, 1).put("tag", "1.4.0-amd64");

    WebhookOutcome.Normalized outcome = (WebhookOutcome.Normalized) normalize(body);

    assertThat(outcome.ignored()).isEqualTo(3);
    assertThat(outcome.events()).extracting(RegistryEvent::digest).containsExactly(AMD64, INDEX);
    assertThat(outcome.events().get(1).platforms()).hasSize(2);
  }

  @Test
  void aDeleteWithADigestIsAManifestDeleteAndATagDeleteIsIgnored() {
    assertThat(normalize(DELETE))
        .isEqualTo(
            new WebhookOutcome.Normalized(
                List.of(
                    new RegistryEvent(
                        ImageAction.DELETED,
                        "registry.example.test",
                        "acme/web",
                        List.of(),
                        "sha256:4444444444444444444444444444444444444444444444444444444444444444",
                        null,
                        List.of(),
                        null,
                        Instant.parse("2026-11-21T08:00:00Z"),
                        "9b0e7c1d-0000-4000-8000-000000000011")),
                1));
  }

  @Test
  void aManifestPushWithoutARepositoryIsUnrecognizedNamingTheField() {
    ObjectNode body = (ObjectNode) sample(B15);
    target(body, 0).remove("repository");

    assertThat(normalize(body))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("target.repository"));
  }

  @Test
  void anEnvelopeWithoutEventsIsIgnored() {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("events");

    assertThat(normalize(body)).isInstanceOf(WebhookOutcome.Ignored.class);
  }

  private WebhookOutcome normalize(JsonNode body) {
    return normalizer.normalize(WebhookPayload.of(body));
  }

  private RegistryEvent only(JsonNode body) {
    WebhookOutcome outcome = normalize(body);
    assertThat(outcome).isInstanceOf(WebhookOutcome.Normalized.class);
    List<RegistryEvent> events = ((WebhookOutcome.Normalized) outcome).events();
    assertThat(events).hasSize(1);
    return events.getFirst();
  }

  private static ObjectNode target(JsonNode body, int event) {
    return (ObjectNode) body.get("events").get(event).get("target");
  }
}
