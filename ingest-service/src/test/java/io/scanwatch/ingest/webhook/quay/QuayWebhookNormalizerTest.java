package io.scanwatch.ingest.webhook.quay;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookNormalizerContract;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class QuayWebhookNormalizerTest extends WebhookNormalizerContract {

  private static final String PUSH = "quay/quay-repo-push-shape.json";
  private static final String PUSH_TAG_LIST = "quay/quay-repo-push-tag-list-shape.json";
  private static final String BUILD = "quay/quay-build-success-shape.json";
  private static final String VULNERABILITY = "quay/quay-vulnerability-found-shape.json";

  private final QuayWebhookNormalizer normalizer = new QuayWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of(PUSH, PUSH_TAG_LIST, BUILD, VULNERABILITY);
  }

  @Test
  void quaySendsNeitherHeaderNorSignatureSoTheSecretIsInThePath() {
    assertThat(normalizer.provider()).isEqualTo("quay");
    assertThat(normalizer.authentication()).isEqualTo(new WebhookAuthentication.PathToken());
  }

  @Test
  void aPushWithTagsMappedToImageIdsIsOnePushOfAllTagsWithoutADigest() {
    assertThat(normalize(PUSH))
        .isEqualTo(
            WebhookOutcome.Normalized.of(
                new RegistryEvent(
                    ImageAction.PUSHED,
                    "quay.io",
                    "acme/web",
                    List.of("1.4.0", "latest"),
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null)));
  }

  @Test
  void aPushWithAListOfTagNamesNamesTheSelfHostedRegistryWithItsPort() {
    assertThat(normalize(PUSH_TAG_LIST))
        .isEqualTo(
            WebhookOutcome.Normalized.of(
                new RegistryEvent(
                    ImageAction.PUSHED,
                    "quay.example.test:8443",
                    "acme/api",
                    List.of("2026.11.20"),
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null)));
  }

  @Test
  void aBuildNotificationIsIgnored() {
    assertThat(normalize(BUILD))
        .isInstanceOfSatisfying(
            WebhookOutcome.Ignored.class, i -> assertThat(i.reason()).contains("build"));
  }

  @Test
  void aVulnerabilityFoundNotificationIsIgnored() {
    assertThat(normalize(VULNERABILITY))
        .isInstanceOfSatisfying(
            WebhookOutcome.Ignored.class, i -> assertThat(i.reason()).contains("vulnerability"));
  }

  @Test
  void aPushWithoutAnyTagIsIgnored() {
    ObjectNode body = (ObjectNode) sample(PUSH);
    body.putObject("updated_tags");

    assertThat(normalize(body)).isInstanceOf(WebhookOutcome.Ignored.class);
  }

  @Test
  void aPayloadWithoutRepositoryIsUnrecognizedNamingTheField() {
    ObjectNode body = (ObjectNode) sample(PUSH);
    body.remove("repository");

    assertThat(normalize(body))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("\"repository\""));
  }

  @Test
  void updatedTagsOfAnotherTypeAreUnrecognized() {
    ObjectNode body = (ObjectNode) sample(PUSH);
    body.put("updated_tags", "latest");

    assertThat(normalize(body))
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class,
            u -> assertThat(u.reason()).contains("updated_tags"));
  }

  @Test
  void aRepositoryPayloadOfNoKnownKindIsUnrecognized() {
    ObjectNode body = (ObjectNode) sample(PUSH);
    body.remove("updated_tags");

    assertThat(normalize(body)).isInstanceOf(WebhookOutcome.Unrecognized.class);
  }

  private WebhookOutcome normalize(JsonNode body) {
    return normalizer.normalize(WebhookPayload.of(body));
  }
}
