package io.scanwatch.ingest.webhook.jfrog;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImagePlatform;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookNormalizerContract;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class JFrogWebhookNormalizerTest extends WebhookNormalizerContract {

  private static final String TAG_PUSHED = "jfrog/jfrog-docker-tag-pushed-shape.json";
  private static final String PUSHED = "jfrog/jfrog-docker-pushed-wrapped-shape.json";
  private static final String DELETED = "jfrog/jfrog-docker-deleted-wrapped-shape.json";
  private static final String PROMOTED = "jfrog/jfrog-docker-promoted-wrapped-shape.json";
  private static final String ARTIFACT = "jfrog/jfrog-artifact-deployed-shape.json";
  private static final String WORKER_DIGEST =
      "sha256:6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b";

  private final JFrogWebhookNormalizer normalizer = new JFrogWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(TAG_PUSHED, PUSHED, DELETED, PROMOTED, ARTIFACT);
  }

  @Test
  void theHeaderCarriesTheSecretOrItsHmacOfTheBody() {
    assertThat(normalizer.provider()).isEqualTo("jfrog");
    assertThat(normalizer.authentication())
        .isEqualTo(new WebhookAuthentication.HmacSignature("X-JFrog-Event-Auth", "", true));
  }

  @Test
  void theDataObjectAloneIsAPushOfAManifestListWithItsPlatforms() {
    RegistryEvent event = events(TAG_PUSHED).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
    assertThat(event.registry()).isNull();
    assertThat(event.repository()).isEqualTo("acme/web");
    assertThat(event.tags()).containsExactly("2.3.0");
    assertThat(event.digest())
        .isEqualTo("sha256:5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f");
    assertThat(event.mediaType()).isNull();
    assertThat(event.platforms())
        .containsExactly(
            new ImagePlatform("linux", "amd64", null, null),
            new ImagePlatform("linux", "arm64", null, null),
            new ImagePlatform("linux", "s390x", null, null));
    assertThat(event.scan()).isNull();
    assertThat(event.occurredAt()).isNull();
    assertThat(event.deliveryId()).isNull();
  }

  @Test
  void theWrappedPushNamesTheRegistryByTheOriginsHost() {
    RegistryEvent event = events(PUSHED).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
    assertThat(event.registry()).isEqualTo("acme.jfrog.io");
    assertThat(event.repository()).isEqualTo("acme/worker");
    assertThat(event.tags()).containsExactly("1.0.4");
    assertThat(event.digest()).isEqualTo(WORKER_DIGEST);
    assertThat(event.mediaType()).isNull();
    assertThat(event.platforms()).isEmpty();
    assertThat(event.occurredAt()).isNull();
    assertThat(event.deliveryId()).isNull();
  }

  @Test
  void aDeletedTagIsDeleted() {
    RegistryEvent event = events(DELETED).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.DELETED);
    assertThat(event.registry()).isEqualTo("acme.jfrog.io");
    assertThat(event.repository()).isEqualTo("acme/worker");
    assertThat(event.tags()).containsExactly("0.9.0");
    assertThat(event.digest())
        .isEqualTo("sha256:7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c");
    assertThat(event.platforms()).containsExactly(new ImagePlatform("linux", "amd64", null, null));
    assertThat(event.occurredAt()).isNull();
    assertThat(event.deliveryId()).isNull();
  }

  @Test
  void aPromotedTagIsPushedUnderTheSameImageNameWithoutTheRepositoryKey() {
    RegistryEvent event = events(PROMOTED).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
    assertThat(event.registry()).isEqualTo("acme.jfrog.io");
    assertThat(event.repository()).isEqualTo("acme/worker");
    assertThat(event.tags()).containsExactly("1.0.4");
    assertThat(event.digest()).isEqualTo(WORKER_DIGEST);
    assertThat(event.occurredAt()).isNull();
    assertThat(event.deliveryId()).isNull();
  }

  @Test
  void anotherDomainIsIgnored() {
    assertThat(normalize(ARTIFACT))
        .isEqualTo(new WebhookOutcome.Ignored("JFrog artifact event deployed"));
  }

  @Test
  void anotherDockerEventTypeIsIgnored() {
    ObjectNode body = sampleObject(PUSHED);
    body.put("event_type", "pulled");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isEqualTo(new WebhookOutcome.Ignored("JFrog docker event pulled"));
  }

  @Test
  void aChecksumThatIsNotASha256GivesNoDigest() {
    ObjectNode body = sampleObject(PUSHED);
    ((ObjectNode) body.get("data")).put("sha256", "sample_checksum");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).digest()).isNull();
  }

  @Test
  void aPlatformVariantIsKept() {
    ObjectNode body = sampleObject(TAG_PUSHED);
    ((ObjectNode) body.get("platforms").get(1)).put("variant", "v8");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).platforms())
        .contains(new ImagePlatform("linux", "arm64", "v8", null));
  }

  @Test
  void anEmptyTagIsNoTag() {
    ObjectNode body = sampleObject(PUSHED);
    ((ObjectNode) body.get("data")).put("tag", "");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).tags()).isEmpty();
  }

  @Test
  void aDockerEventWithoutImageNameIsUnrecognizedNamingTheField() {
    ObjectNode body = sampleObject(PUSHED);
    ((ObjectNode) body.get("data")).remove("image_name");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("data.image_name"));
  }

  @Test
  void aDockerEnvelopeWithoutDataIsUnrecognizedNamingTheField() {
    ObjectNode body = sampleObject(PUSHED);
    body.remove("data");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class, u -> assertThat(u.reason()).contains("data"));
  }

  @Test
  void theDataObjectAloneWithoutEventTypeIsUnrecognizedNamingTheField() {
    ObjectNode body = sampleObject(TAG_PUSHED);
    body.remove("event_type");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class, u -> assertThat(u.reason()).contains("event_type"));
  }

  private static ObjectNode sampleObject(String path) {
    return (ObjectNode) sample(path);
  }

  private static RegistryEvent only(WebhookOutcome outcome) {
    assertThat(outcome).isInstanceOf(WebhookOutcome.Normalized.class);
    List<RegistryEvent> events = ((WebhookOutcome.Normalized) outcome).events();
    assertThat(events).hasSize(1);
    return events.getFirst();
  }
}
