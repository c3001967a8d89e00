package io.scanwatch.ingest.webhook.gar;

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
import java.util.Base64;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Google Artifact Registry notifications as a Pub/Sub push subscription delivers them: the
 * {@code gcr} topic's message, base64-encoded JSON naming an image inserted or deleted by full
 * reference.
 */
@Component
public class GarWebhookNormalizer implements WebhookNormalizer {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public String provider() {
    return "gar";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.PathToken();
  }

  @Override
  public String expectedShape() {
    return "a Pub/Sub push of the Artifact Registry gcr topic: {message: {data: base64 of"
        + " {action, digest, tag}, messageId, publishTime}, subscription}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode message = object(payload.body(), "message");
    if (message == null) {
      return new WebhookOutcome.Unrecognized("Pub/Sub push without a message object");
    }
    JsonNode data = decoded(text(message, "data"));
    if (data == null) {
      return new WebhookOutcome.Unrecognized(
          "Pub/Sub push whose message.data is not base64-encoded JSON object");
    }
    String action = text(data, "action");
    if (action == null) {
      return new WebhookOutcome.Unrecognized("Artifact Registry message.data without action");
    }
    ImageAction imageAction =
        switch (action) {
          case "INSERT" -> ImageAction.PUSHED;
          case "DELETE" -> ImageAction.DELETED;
          default -> null;
        };
    if (imageAction == null) {
      return new WebhookOutcome.Ignored("Artifact Registry action " + action);
    }
    ImageReference byDigest = ImageReference.parse(text(data, "digest"));
    ImageReference byTag = ImageReference.parse(text(data, "tag"));
    ImageReference image = byDigest != null ? byDigest : byTag;
    if (image == null) {
      return new WebhookOutcome.Unrecognized(
          "Artifact Registry message.data without a digest or tag image reference");
    }
    return WebhookOutcome.Normalized.of(
        RegistryEvent.of(imageAction, image.repository())
            .registry(image.registry())
            // A tag reference naming another image than the digest does is not this image's tag.
            .tag(byTag != null && byTag.sameImage(image) ? byTag.tag() : null)
            .digest(image.digest())
            .occurredAt(firstOf(instant(message, "publishTime"), instant(message, "publish_time")))
            .deliveryId(firstOf(text(message, "messageId"), text(message, "message_id")))
            .build());
  }

  private static JsonNode decoded(String data) {
    if (data == null) {
      return null;
    }
    try {
      JsonNode decoded = JSON.readTree(Base64.getDecoder().decode(data));
      return decoded != null && decoded.isObject() ? decoded : null;
    } catch (IllegalArgumentException | JacksonException notBase64Json) {
      return null;
    }
  }

  // Pub/Sub push bodies carry both spellings of the message's id and time.
  private static <T> T firstOf(T camelCase, T snakeCase) {
    return camelCase != null ? camelCase : snakeCase;
  }

  /**
   * A full image reference, {@code host/path[:tag][@digest]}, taken apart.
   *
   * @param registry the host
   * @param repository the path between host and tag or digest
   * @param tag the tag, or {@code null}
   * @param digest the digest, or {@code null}
   */
  private record ImageReference(String registry, String repository, String tag, String digest) {

    static ImageReference parse(String reference) {
      if (reference == null) {
        return null;
      }
      int at = reference.indexOf('@');
      String name = at >= 0 ? reference.substring(0, at) : reference;
      String digest = at >= 0 ? PayloadFields.digest(reference.substring(at + 1)) : null;
      int colon = name.indexOf(':', name.lastIndexOf('/') + 1);
      String tag = colon >= 0 ? name.substring(colon + 1) : null;
      String path = colon >= 0 ? name.substring(0, colon) : name;
      int slash = path.indexOf('/');
      if (slash <= 0) {
        return null;
      }
      String repository = path.substring(slash + 1);
      if (repository.isBlank() || repository.startsWith("/") || repository.endsWith("/")) {
        return null;
      }
      return new ImageReference(
          path.substring(0, slash).toLowerCase(Locale.ROOT), repository, tag, digest);
    }

    boolean sameImage(ImageReference other) {
      return registry.equals(other.registry) && repository.equals(other.repository);
    }
  }
}
