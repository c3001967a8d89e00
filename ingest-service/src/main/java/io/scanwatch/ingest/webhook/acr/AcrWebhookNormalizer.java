package io.scanwatch.ingest.webhook.acr;

import static io.scanwatch.ingest.webhook.PayloadFields.digest;
import static io.scanwatch.ingest.webhook.PayloadFields.instant;
import static io.scanwatch.ingest.webhook.PayloadFields.object;
import static io.scanwatch.ingest.webhook.PayloadFields.text;

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
 * Reads Azure Container Registry webhooks: one {@code push} or {@code delete} of an image manifest
 * per delivery; Helm chart and quarantine actions are ignored.
 */
@Component
public class AcrWebhookNormalizer implements WebhookNormalizer {

  @Override
  public String provider() {
    return "acr";
  }

  @Override
  public WebhookAuthentication authentication() {
    // ACR sends the custom headers configured on the webhook; Authorization is the usual choice.
    return new WebhookAuthentication.SharedSecretHeader("Authorization");
  }

  @Override
  public String expectedShape() {
    return "an Azure Container Registry webhook: {id, timestamp, action, target: {repository, tag,"
        + " digest, mediaType}, request: {host}}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode body = payload.body();
    String action = text(body, "action");
    if (action == null) {
      return new WebhookOutcome.Unrecognized("ACR webhook without an action");
    }
    JsonNode target = object(body, "target");
    if (target == null) {
      return new WebhookOutcome.Unrecognized("ACR webhook without a target object");
    }
    ImageAction imageAction =
        switch (action) {
          case "push" -> ImageAction.PUSHED;
          case "delete" -> ImageAction.DELETED;
          default -> null;
        };
    if (imageAction == null) {
      return new WebhookOutcome.Ignored("ACR action " + action);
    }
    String repository = text(target, "repository");
    if (repository == null) {
      return new WebhookOutcome.Unrecognized("ACR " + action + " without target.repository");
    }
    return WebhookOutcome.Normalized.of(
        RegistryEvent.of(imageAction, repository)
            .registry(PayloadFields.host(text(object(body, "request"), "host")))
            .tag(text(target, "tag"))
            .digest(digest(text(target, "digest")))
            .mediaType(text(target, "mediaType"))
            .occurredAt(instant(body, "timestamp"))
            .deliveryId(text(body, "id"))
            .build());
  }
}
