package io.scanwatch.ingest.webhook.github;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.ingest.webhook.PayloadFields;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads GitHub's {@code package} and older {@code registry_package} webhooks about container images
 * into pushes to the GitHub Container Registry.
 */
@Component
public class GitHubWebhookNormalizer implements WebhookNormalizer {

  /**
   * Where every container package lives. The older Docker registry, docker.pkg.github.com, was
   * retired and its images moved to ghcr.io under the same owner and name, so an older payload
   * naming the "docker" ecosystem is about an image that is pulled from ghcr.io today.
   */
  private static final String REGISTRY = "ghcr.io";

  private static final Set<String> CONTAINER_KINDS = Set.of("container", "docker");

  private static final Set<String> PACKAGE_EVENTS = Set.of("package", "registry_package");

  // The only actions GitHub documents for either event: deleting a version sends none.
  private static final Set<String> PUSH_ACTIONS = Set.of("published", "updated");

  @Override
  public String provider() {
    return "github";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.HmacSignature("X-Hub-Signature-256", "sha256=", false);
  }

  @Override
  public String expectedShape() {
    return "a GitHub package or registry_package webhook: {\"action\": \"published\","
        + " \"package\": {\"name\", \"owner\": {\"login\"}, \"ecosystem\", \"package_version\":"
        + " {\"container_metadata\": {\"tag\": {\"name\", \"digest\"}}}}}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode body = payload.body();
    if (body == null || !body.isObject()) {
      return new WebhookOutcome.Unrecognized("the body is not a JSON object");
    }
    String event = payload.header("X-GitHub-Event");
    if ("ping".equalsIgnoreCase(event)) {
      return new WebhookOutcome.Ignored("GitHub ping");
    }
    String key = PayloadFields.object(body, "package") != null ? "package" : "registry_package";
    JsonNode pkg = PayloadFields.object(body, key);
    if (pkg == null) {
      if (event == null) {
        return new WebhookOutcome.Unrecognized("no \"package\" or \"registry_package\" object");
      }
      // The events Scanwatch reads always carry their package: one without is not GitHub's.
      String named = event.strip().toLowerCase(Locale.ROOT);
      return PACKAGE_EVENTS.contains(named)
          ? new WebhookOutcome.Unrecognized(
              "no \"" + named + "\" object in a GitHub " + named + " event")
          : new WebhookOutcome.Ignored("GitHub event " + event);
    }
    String action = PayloadFields.text(body, "action");
    if (action == null) {
      return new WebhookOutcome.Unrecognized("no \"action\"");
    }
    String ecosystem = PayloadFields.text(pkg, "ecosystem");
    String packageType = PayloadFields.text(pkg, "package_type");
    // GitHub's own example says package_type "npm" with ecosystem "docker": either one will do.
    if (!isContainer(ecosystem) && !isContainer(packageType)) {
      return new WebhookOutcome.Ignored(
          "GitHub package of ecosystem " + ecosystem + " and type " + packageType);
    }
    if (!PUSH_ACTIONS.contains(action.toLowerCase(Locale.ROOT))) {
      return new WebhookOutcome.Ignored("GitHub package action " + action);
    }
    String owner = PayloadFields.text(PayloadFields.object(pkg, "owner"), "login");
    String name = PayloadFields.text(pkg, "name");
    if (owner == null || name == null) {
      return new WebhookOutcome.Unrecognized(
          "no \"" + key + ".owner.login\" or \"" + key + ".name\"");
    }
    JsonNode version = PayloadFields.object(pkg, "package_version");
    if (version == null) {
      return new WebhookOutcome.Unrecognized("no \"" + key + ".package_version\" object");
    }
    JsonNode metadata = PayloadFields.object(version, "container_metadata");
    JsonNode tag = PayloadFields.object(metadata, "tag");
    String digest = PayloadFields.digest(PayloadFields.text(tag, "digest"));
    return WebhookOutcome.Normalized.of(
        RegistryEvent.of(ImageAction.PUSHED, (owner + "/" + name).toLowerCase(Locale.ROOT))
            .registry(REGISTRY)
            .tag(PayloadFields.text(tag, "name"))
            .digest(
                digest != null
                    ? digest
                    : PayloadFields.digest(PayloadFields.text(version, "version")))
            .mediaType(PayloadFields.text(PayloadFields.object(metadata, "manifest"), "media_type"))
            .occurredAt(occurredAt(version, pkg))
            .deliveryId(payload.header("X-GitHub-Delivery"))
            .build());
  }

  private static boolean isContainer(String kind) {
    return kind != null && CONTAINER_KINDS.contains(kind.toLowerCase(Locale.ROOT));
  }

  /**
   * The version's time, else the package's. GitHub sends Go's zero time ({@code
   * 0001-01-01T00:00:00Z}) for a version time it does not have: that is no time at all.
   */
  private static Instant occurredAt(JsonNode version, JsonNode pkg) {
    return Stream.of(
            PayloadFields.instant(version, "updated_at"),
            PayloadFields.instant(version, "created_at"),
            PayloadFields.instant(pkg, "updated_at"))
        .filter(time -> time != null && time.isAfter(Instant.EPOCH))
        .findFirst()
        .orElse(null);
  }
}
