package io.scanwatch.ingest.webhook.gar;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookNormalizerContract;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class GarWebhookNormalizerTest extends WebhookNormalizerContract {

  private static final String TAGGED = "gar/gar-insert-tagged-shape.json";
  private static final String UNTAGGED = "gar/gar-insert-untagged-shape.json";
  private static final String DELETED = "gar/gar-delete-shape.json";
  private static final String HOST = "europe-west1-docker.pkg.dev";
  private static final String WEB_DIGEST =
      "sha256:1f2e3d4c5b6a79880f1e2d3c4b5a69788f9e0d1c2b3a49586f7e8d9c0b1a2938";

  private final GarWebhookNormalizer normalizer = new GarWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(TAGGED, UNTAGGED, DELETED);
  }

  @Test
  void pubSubCanSendNoSecretHeaderSoTheTokenIsInThePath() {
    assertThat(normalizer.provider()).isEqualTo("gar");
    assertThat(normalizer.authentication()).isEqualTo(new WebhookAuthentication.PathToken());
  }

  @Test
  void anInsertWithTagAndDigestIsAPushSplitFromTheFullReferences() {
    RegistryEvent event = events(TAGGED).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
    assertThat(event.registry()).isEqualTo(HOST);
    assertThat(event.repository()).isEqualTo("acme-prod/containers/web");
    assertThat(event.tags()).containsExactly("4.1.0");
    assertThat(event.digest()).isEqualTo(WEB_DIGEST);
    assertThat(event.mediaType()).isNull();
    assertThat(event.platforms()).isEmpty();
    assertThat(event.scan()).isNull();
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-04-02T14:20:31.512Z"));
    assertThat(event.deliveryId()).isEqualTo("11223344556677");
  }

  @Test
  void anUntaggedInsertIsAPushWithoutTag() {
    RegistryEvent event = events(UNTAGGED).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.PUSHED);
    assertThat(event.registry()).isEqualTo(HOST);
    assertThat(event.repository()).isEqualTo("acme-prod/containers/worker");
    assertThat(event.tags()).isEmpty();
    assertThat(event.digest())
        .isEqualTo("sha256:2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-04-02T14:25:00.004Z"));
    assertThat(event.deliveryId()).isEqualTo("11223344556688");
  }

  @Test
  void aDeleteByDigestIsDeleted() {
    RegistryEvent event = events(DELETED).getFirst();

    assertThat(event.action()).isEqualTo(ImageAction.DELETED);
    assertThat(event.registry()).isEqualTo(HOST);
    assertThat(event.repository()).isEqualTo("acme-prod/containers/web");
    assertThat(event.tags()).isEmpty();
    assertThat(event.digest())
        .isEqualTo("sha256:3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-04-03T08:00:00Z"));
    assertThat(event.deliveryId()).isEqualTo("11223344556699");
  }

  @Test
  void aDeleteOfATagAloneIsADeletedTagWithoutDigest() {
    RegistryEvent event =
        only(
            normalizeData(
                "{\"action\":\"DELETE\",\"tag\":\"" + HOST + "/acme-prod/containers/web:4.0.0\"}"));

    assertThat(event.action()).isEqualTo(ImageAction.DELETED);
    assertThat(event.registry()).isEqualTo(HOST);
    assertThat(event.repository()).isEqualTo("acme-prod/containers/web");
    assertThat(event.tags()).containsExactly("4.0.0");
    assertThat(event.digest()).isNull();
  }

  @Test
  void aContainerRegistryHostWithAShortPathReadsTheSame() {
    RegistryEvent event =
        only(
            normalizeData(
                "{\"action\":\"INSERT\",\"digest\":\"gcr.io/acme-prod/web@"
                    + WEB_DIGEST
                    + "\",\"tag\":\"gcr.io/acme-prod/web:latest\"}"));

    assertThat(event.registry()).isEqualTo("gcr.io");
    assertThat(event.repository()).isEqualTo("acme-prod/web");
    assertThat(event.tags()).containsExactly("latest");
    assertThat(event.digest()).isEqualTo(WEB_DIGEST);
  }

  @Test
  void aTagReferenceOfAnotherImageIsNotThisImagesTag() {
    RegistryEvent event =
        only(
            normalizeData(
                "{\"action\":\"INSERT\",\"digest\":\""
                    + HOST
                    + "/acme-prod/containers/web@"
                    + WEB_DIGEST
                    + "\",\"tag\":\""
                    + HOST
                    + "/acme-prod/containers/api:4.1.0\"}"));

    assertThat(event.repository()).isEqualTo("acme-prod/containers/web");
    assertThat(event.tags()).isEmpty();
  }

  @Test
  void theSnakeCaseIdAndTimeAreReadWhenTheCamelCaseOnesAreMissing() {
    ObjectNode body = sampleObject(TAGGED);
    ObjectNode message = (ObjectNode) body.get("message");
    message.remove("messageId");
    message.remove("publishTime");

    RegistryEvent event = only(normalizer.normalize(WebhookPayload.of(body)));

    assertThat(event.deliveryId()).isEqualTo("11223344556677");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-04-02T14:20:31.512Z"));
  }

  @Test
  void dataThatIsNotBase64IsUnrecognizedNamingMessageData() {
    ObjectNode body = sampleObject(TAGGED);
    ((ObjectNode) body.get("message")).put("data", "not base64!");

    assertUnrecognizedNaming(normalizer.normalize(WebhookPayload.of(body)), "message.data");
  }

  @Test
  void base64OfSomethingOtherThanAJsonObjectIsUnrecognizedNamingMessageData() {
    for (String data : List.of("INSERT gcr.io/acme/web", "[1,2]", "\"INSERT\"", "")) {
      assertUnrecognizedNaming(normalizeData(data), "message.data");
    }
  }

  @Test
  void aMessageWithoutDataIsUnrecognizedNamingMessageData() {
    ObjectNode body = sampleObject(TAGGED);
    ((ObjectNode) body.get("message")).remove("data");

    assertUnrecognizedNaming(normalizer.normalize(WebhookPayload.of(body)), "message.data");
  }

  @Test
  void aBodyWithoutMessageIsUnrecognizedNamingTheField() {
    ObjectNode body = sampleObject(TAGGED);
    body.remove("message");

    assertUnrecognizedNaming(normalizer.normalize(WebhookPayload.of(body)), "message");
  }

  @Test
  void dataWithoutAnyReferenceIsUnrecognized() {
    assertUnrecognizedNaming(normalizeData("{\"action\":\"INSERT\"}"), "digest");
  }

  @Test
  void aReferenceWithoutRepositoryPathIsUnrecognized() {
    assertUnrecognizedNaming(
        normalizeData("{\"action\":\"INSERT\",\"digest\":\"web@" + WEB_DIGEST + "\"}"), "digest");
  }

  @Test
  void dataWithoutActionIsUnrecognizedNamingTheField() {
    assertUnrecognizedNaming(
        normalizeData("{\"digest\":\"" + HOST + "/acme-prod/containers/web@" + WEB_DIGEST + "\"}"),
        "action");
  }

  @Test
  void anotherActionIsIgnored() {
    assertThat(
            normalizeData(
                "{\"action\":\"UPDATE\",\"digest\":\""
                    + HOST
                    + "/acme-prod/containers/web@"
                    + WEB_DIGEST
                    + "\"}"))
        .isEqualTo(new WebhookOutcome.Ignored("Artifact Registry action UPDATE"));
  }

  private WebhookOutcome normalizeData(String json) {
    ObjectNode body = sampleObject(TAGGED);
    ((ObjectNode) body.get("message"))
        .put("data", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    return normalizer.normalize(WebhookPayload.of(body));
  }

  private static void assertUnrecognizedNaming(WebhookOutcome outcome, String field) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class, u -> assertThat(u.reason()).contains(field));
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
