package io.scanwatch.ingest.webhook.acr;

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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AcrWebhookNormalizerTest extends WebhookNormalizerContract {

  private final AcrWebhookNormalizer normalizer = new AcrWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(
        "acr/acr-push-shape.json", "acr/acr-delete-shape.json", "acr/acr-chart-push-shape.json");
  }

  @Test
  void theSecretTravelsInTheConfiguredAuthorizationHeader() {
    assertThat(normalizer.provider()).isEqualTo("acr");
    assertThat(normalizer.authentication())
        .isEqualTo(new WebhookAuthentication.SharedSecretHeader("Authorization"));
  }

  @Test
  void aPushIsAPushedTagWithItsDigestMediaTypeAndTheRequestHost() {
    RegistryEvent event = events("acr/acr-push-shape.json").getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
    assertThat(event.registry()).isEqualTo("acmeregistry.azurecr.io");
    assertThat(event.repository()).isEqualTo("acme/web");
    assertThat(event.tags()).containsExactly("1.4.2");
    assertThat(event.digest())
        .isEqualTo("sha256:3b1f6c9e0d2a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
    assertThat(event.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(event.platforms()).isEmpty();
    assertThat(event.scan()).isNull();
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-09T10:15:30.123456789Z"));
    assertThat(event.deliveryId()).isEqualTo("5d0f7c2a-31b4-4e8a-9c6d-7a1e2f3b4c5d");
  }

  @Test
  void aDeleteIsADeletedDigestWithoutTag() {
    List<RegistryEvent> events = events("acr/acr-delete-shape.json");

    assertThat(events).hasSize(1);
    RegistryEvent event = events.getFirst();
    assertThat(event.action()).isEqualTo(ImageAction.DELETED);
    assertThat(event.registry()).isEqualTo("acmeregistry.azurecr.io");
    assertThat(event.repository()).isEqualTo("acme/worker");
    assertThat(event.tags()).isEmpty();
    assertThat(event.digest())
        .isEqualTo("sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0");
    assertThat(event.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-10T08:00:05.5Z"));
    assertThat(event.deliveryId()).isEqualTo("8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d");
  }

  @Test
  void aHelmChartPushIsIgnored() {
    assertThat(normalize("acr/acr-chart-push-shape.json"))
        .isEqualTo(new WebhookOutcome.Ignored("ACR action chart_push"));
  }

  @Test
  void chartDeletesAndQuarantineAreIgnored() {
    for (String action : List.of("chart_delete", "quarantine")) {
      ObjectNode body = push();
      body.put("action", action);

      assertThat(normalizer.normalize(WebhookPayload.of(body)))
          .isEqualTo(new WebhookOutcome.Ignored("ACR action " + action));
    }
  }

  @Test
  void aDigestMaskedLikeTheDocumentationExampleIsNoDigest() {
    ObjectNode body = push();
    ((ObjectNode) body.get("target"))
        .put("digest", "sha256:xxxxd5c8786bb9e621a45ece0dbxxxx1cdc624ad20da9fe62e9d25490f33xxxx");

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.digest()).isNull();
    assertThat(event.tags()).containsExactly("1.4.2");
  }

  @Test
  void aDigestWithSpacesIsNoDigest() {
    ObjectNode body = push();
    ((ObjectNode) body.get("target")).put("digest", "sha256:not a digest");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).digest()).isNull();
  }

  @Test
  void anEmptyTagIsNoTag() {
    ObjectNode body = push();
    ((ObjectNode) body.get("target")).put("tag", "");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).tags()).isEmpty();
  }

  @Test
  void withoutARequestHostTheRegistryIsLeftToTheSource() {
    ObjectNode body = push();
    body.remove("request");

    assertThat(only(normalizer.normalize(WebhookPayload.of(body))).registry()).isNull();
  }

  @Test
  void aPushWithoutRepositoryIsUnrecognizedNamingTheField() {
    ObjectNode body = push();
    ((ObjectNode) body.get("target")).remove("repository");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("target.repository"));
  }

  @Test
  void aPayloadWithoutTargetIsUnrecognizedNamingTheField() {
    ObjectNode body = push();
    body.put("target", "acme/web:1.4.2");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class, u -> assertThat(u.reason()).contains("target"));
  }

  @Test
  void aPayloadWithoutActionIsUnrecognizedNamingTheField() {
    ObjectNode body = push();
    body.remove("action");

    assertThat(normalizer.normalize(WebhookPayload.of(body)))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class, u -> assertThat(u.reason()).contains("action"));
  }

  private static ObjectNode push() {
    return (ObjectNode) sample("acr/acr-push-shape.json");
  }

  private static RegistryEvent only(WebhookOutcome outcome) {
    assertThat(outcome).isInstanceOf(WebhookOutcome.Normalized.class);
    List<RegistryEvent> events = ((WebhookOutcome.Normalized) outcome).events();
    assertThat(events).hasSize(1);
    return events.getFirst();
  }
}
