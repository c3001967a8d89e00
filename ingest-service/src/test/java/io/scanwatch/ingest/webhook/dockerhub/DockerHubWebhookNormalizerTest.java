package io.scanwatch.ingest.webhook.dockerhub;

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

class DockerHubWebhookNormalizerTest extends WebhookNormalizerContract {

  private final DockerHubWebhookNormalizer normalizer = new DockerHubWebhookNormalizer();

  @Override
  protected WebhookNormalizer normalizer() {
    return normalizer;
  }

  @Override
  protected List<String> samples() {
    return List.of("dockerhub/dockerhub-push-docs.json");
  }

  private WebhookOutcome normalizeJson(String json) {
    return normalizer.normalize(WebhookPayload.of(JSON.readTree(json)));
  }

  @Test
  void authenticatesWithATokenInThePath() {
    assertThat(normalizer.provider()).isEqualTo("dockerhub");
    assertThat(normalizer.authentication()).isEqualTo(new WebhookAuthentication.PathToken());
  }

  @Test
  void theDocumentedPushIsATagPushOnDockerIoWithoutDigest() {
    assertThat(events("dockerhub/dockerhub-push-docs.json"))
        .containsExactly(
            RegistryEvent.of(ImageAction.PUSHED, "svendowideit/testhook")
                .registry("docker.io")
                .tag("latest")
                .occurredAt(Instant.parse("2014-12-03T00:22:41Z"))
                .build());
  }

  @Test
  void anOfficialImageNamedWithoutNamespaceIsInLibrary() {
    assertThat(
            normalizeJson(
                """
                {"push_data": {"tag": "1.27", "pushed_at": 1700000000},
                 "repository": {"repo_name": "nginx", "name": "nginx"}}
                """))
        .isEqualTo(
            WebhookOutcome.Normalized.of(
                RegistryEvent.of(ImageAction.PUSHED, "library/nginx")
                    .registry("docker.io")
                    .tag("1.27")
                    .occurredAt(Instant.parse("2023-11-14T22:13:20Z"))
                    .build()));
  }

  @Test
  void aPushTimeBeyondALongIsNoTimeRatherThanAFailure() {
    // Found by WebhookNormalizersFuzzTest (regression-pushed-at-beyond-long.json): Jackson threw
    // converting the number, and the endpoint answered 500.
    assertThat(
            normalizeJson(
                """
                {"push_data": {"tag": "latest", "pushed_at": 141444444444447566161},
                 "repository": {"repo_name": "acme/web"}}
                """))
        .isEqualTo(
            WebhookOutcome.Normalized.of(
                RegistryEvent.of(ImageAction.PUSHED, "acme/web")
                    .registry("docker.io")
                    .tag("latest")
                    .build()));
  }

  @Test
  void anEmptyTagIsNoTag() {
    assertThat(
            normalizeJson(
                """
                {"push_data": {"tag": "", "pushed_at": 1700000000},
                 "repository": {"repo_name": "acme/web"}}
                """))
        .isEqualTo(
            WebhookOutcome.Normalized.of(
                RegistryEvent.of(ImageAction.PUSHED, "acme/web")
                    .registry("docker.io")
                    .occurredAt(Instant.parse("2023-11-14T22:13:20Z"))
                    .build()));
  }

  @Test
  void aMissingRepoNameIsUnrecognizedNamingTheField() {
    assertThat(
            normalizeJson(
                """
                {"push_data": {"tag": "latest"},
                 "repository": {"name": "web", "namespace": "acme"}}
                """))
        .isEqualTo(new WebhookOutcome.Unrecognized("no repository.repo_name"));
    assertThat(normalizeJson("{\"push_data\": {\"tag\": \"latest\"}}"))
        .isEqualTo(new WebhookOutcome.Unrecognized("no repository.repo_name"));
  }

  @Test
  void aPayloadWithoutPushDataIsUnrecognized() {
    assertThat(normalizeJson("{\"repository\": {\"repo_name\": \"acme/web\"}}"))
        .isEqualTo(new WebhookOutcome.Unrecognized("no push_data object"));
  }
}
