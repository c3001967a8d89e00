package io.scanwatch.ingest.webhook.quay;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.ingest.webhook.PayloadFields;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads Quay's "Repository Push" webhook notification into one push carrying every updated tag.
 * Quay names no event type, so the other notifications are told apart by their own fields.
 */
@Component
public class QuayWebhookNormalizer implements WebhookNormalizer {

  @Override
  public String provider() {
    return "quay";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.PathToken();
  }

  @Override
  public String expectedShape() {
    return "a Quay repository push notification: {\"repository\": \"namespace/name\","
        + " \"docker_url\", \"updated_tags\": [\"tag\"] or {\"tag\": \"image id\"}}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode body = payload.body();
    if (body == null || !body.isObject()) {
      return new WebhookOutcome.Unrecognized("the body is not a JSON object");
    }
    String repository = PayloadFields.text(body, "repository");
    if (repository == null) {
      return new WebhookOutcome.Unrecognized("no \"repository\"");
    }
    JsonNode updatedTags = body.get("updated_tags");
    if (updatedTags == null || updatedTags.isNull()) {
      if (body.has("build_id")) {
        return new WebhookOutcome.Ignored("Quay build notification");
      }
      if (body.has("vulnerability")) {
        return new WebhookOutcome.Ignored("Quay vulnerability_found notification");
      }
      return new WebhookOutcome.Unrecognized("no \"updated_tags\": not a Quay repository push");
    }
    List<String> tags;
    if (updatedTags.isArray()) {
      tags = PayloadFields.texts(body, "updated_tags");
    } else if (updatedTags.isObject()) {
      // The values are Quay's image ids, not manifest digests: the push has no digest to give.
      tags = new ArrayList<>(updatedTags.propertyNames());
    } else {
      return new WebhookOutcome.Unrecognized("\"updated_tags\" is neither a list nor an object");
    }
    if (tags.stream().allMatch(String::isBlank)) {
      return new WebhookOutcome.Ignored("Quay repository push without updated tags");
    }
    return WebhookOutcome.Normalized.of(
        RegistryEvent.of(ImageAction.PUSHED, repository)
            .registry(PayloadFields.host(PayloadFields.text(body, "docker_url")))
            .tags(tags)
            .build());
  }
}
