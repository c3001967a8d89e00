package io.scanwatch.ingest.webhook.jfrog;

import static io.scanwatch.ingest.webhook.PayloadFields.digest;
import static io.scanwatch.ingest.webhook.PayloadFields.object;
import static io.scanwatch.ingest.webhook.PayloadFields.text;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImagePlatform;
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
 * Reads JFrog Artifactory webhooks of the Docker domain: a tag pushed, deleted or promoted, with
 * the manifest's checksum and, for a multi-architecture push, its platforms. Other domains are
 * ignored.
 *
 * <p>The repository is the image name alone, without the Artifactory repository key: how the key
 * shows in a pull reference depends on the server's Docker access method (repository path,
 * subdomain or port), which the payload does not say.
 */
@Component
public class JFrogWebhookNormalizer implements WebhookNormalizer {

  @Override
  public String provider() {
    return "jfrog";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.HmacSignature("X-JFrog-Event-Auth", "", true);
  }

  @Override
  public String expectedShape() {
    return "a JFrog Artifactory Docker webhook: {domain: docker, event_type, data: {repo_key,"
        + " image_name, tag, sha256, platforms}, jpd_origin} or its data object alone";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode body = payload.body();
    String domain = text(body, "domain");
    if (domain != null && !domain.equals("docker")) {
      return new WebhookOutcome.Ignored("JFrog " + domain + " event " + text(body, "event_type"));
    }
    JsonNode data = object(body, "data");
    // JFrog's Docker page shows the data object alone, with event_type beside its fields.
    JsonNode image = data != null ? data : domain == null ? bareData(body) : null;
    if (image == null) {
      return new WebhookOutcome.Unrecognized(
          "JFrog webhook with neither a data object nor image_name");
    }
    String eventType = text(body, "event_type");
    if (eventType == null) {
      return new WebhookOutcome.Unrecognized("JFrog webhook without event_type");
    }
    ImageAction action =
        switch (eventType) {
          // A promotion copies or moves the tag into another Artifactory repository; the image
          // name, tag and manifest stay the same.
          case "pushed", "promoted" -> ImageAction.PUSHED;
          case "deleted" -> ImageAction.DELETED;
          default -> null;
        };
    if (action == null) {
      return new WebhookOutcome.Ignored("JFrog docker event " + eventType);
    }
    String repository = text(image, "image_name");
    if (repository == null) {
      return new WebhookOutcome.Unrecognized(
          "JFrog docker " + eventType + " without " + (data != null ? "data." : "") + "image_name");
    }
    return WebhookOutcome.Normalized.of(
        RegistryEvent.of(action, repository)
            .registry(PayloadFields.host(text(body, "jpd_origin")))
            .tag(text(image, "tag"))
            .digest(digest(text(image, "sha256")))
            .platforms(platforms(image.get("platforms")))
            .build());
  }

  private static JsonNode bareData(JsonNode body) {
    return body != null && body.isObject() && body.has("image_name") ? body : null;
  }

  private static List<ImagePlatform> platforms(JsonNode listed) {
    List<ImagePlatform> platforms = new ArrayList<>();
    if (listed != null && listed.isArray()) {
      for (JsonNode platform : listed) {
        String os = text(platform, "os");
        String architecture = text(platform, "architecture");
        if (os != null || architecture != null) {
          platforms.add(new ImagePlatform(os, architecture, text(platform, "variant"), null));
        }
      }
    }
    return platforms;
  }
}
