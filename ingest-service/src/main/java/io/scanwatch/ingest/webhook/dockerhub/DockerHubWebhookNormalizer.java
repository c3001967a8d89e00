package io.scanwatch.ingest.webhook.dockerhub;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.ingest.webhook.PayloadFields;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads Docker Hub's repository webhook, which is only ever sent for a push and names a tag but no
 * digest, into a push event on {@code docker.io}.
 */
@Component
public class DockerHubWebhookNormalizer implements WebhookNormalizer {

  private static final String REGISTRY = "docker.io";

  @Override
  public String provider() {
    return "dockerhub";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.PathToken();
  }

  @Override
  public String expectedShape() {
    return "a Docker Hub push webhook: {\"callback_url\", \"push_data\": {\"tag\", \"pushed_at\"},"
        + " \"repository\": {\"repo_name\"}}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode body = payload.body();
    if (body == null || !body.isObject()) {
      return new WebhookOutcome.Unrecognized("the body is not a JSON object");
    }
    JsonNode push = PayloadFields.object(body, "push_data");
    if (push == null) {
      return new WebhookOutcome.Unrecognized("no push_data object");
    }
    String repoName = PayloadFields.text(PayloadFields.object(body, "repository"), "repo_name");
    if (repoName == null) {
      return new WebhookOutcome.Unrecognized("no repository.repo_name");
    }
    // Official images may be named without their implicit "library" namespace.
    String repository = repoName.contains("/") ? repoName : "library/" + repoName;
    return WebhookOutcome.Normalized.of(
        RegistryEvent.of(ImageAction.PUSHED, repository)
            .registry(REGISTRY)
            .tag(PayloadFields.text(push, "tag"))
            .occurredAt(PayloadFields.instant(push, "pushed_at"))
            .build());
  }
}
