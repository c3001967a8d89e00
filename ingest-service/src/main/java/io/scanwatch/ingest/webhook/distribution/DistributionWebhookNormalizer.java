package io.scanwatch.ingest.webhook.distribution;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImagePlatform;
import io.scanwatch.ingest.webhook.PayloadFields;
import io.scanwatch.ingest.webhook.RegistryEvent;
import io.scanwatch.ingest.webhook.WebhookAuthentication;
import io.scanwatch.ingest.webhook.WebhookNormalizer;
import io.scanwatch.ingest.webhook.WebhookOutcome;
import io.scanwatch.ingest.webhook.WebhookPayload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads the notification envelopes of a CNCF distribution registry ({@code registry:2} and the
 * registries built on it) into manifest pushes and deletes, folding the platform manifests of a
 * multi-architecture push into the push of their index.
 */
@Component
public class DistributionWebhookNormalizer implements WebhookNormalizer {

  private static final Set<String> IMAGE_MANIFESTS =
      Set.of(
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v1+prettyjws",
          "application/vnd.oci.image.manifest.v1+json");
  private static final Set<String> INDEXES =
      Set.of(
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.index.v1+json");

  @Override
  public String provider() {
    return "distribution";
  }

  @Override
  public WebhookAuthentication authentication() {
    return new WebhookAuthentication.SharedSecretHeader("Authorization");
  }

  @Override
  public String expectedShape() {
    return "a distribution notification envelope: {\"events\": [{\"id\", \"timestamp\", \"action\","
        + " \"target\": {\"mediaType\", \"digest\", \"repository\", \"tag\"}, \"request\": {\"host\"}}]}";
  }

  @Override
  public WebhookOutcome normalize(WebhookPayload payload) {
    JsonNode events = payload.body() == null ? null : payload.body().get("events");
    if (events == null || !events.isArray()) {
      return new WebhookOutcome.Unrecognized(
          "no \"events\" array: not a distribution notification envelope");
    }
    List<Manifest> manifests = new ArrayList<>();
    Set<String> skipped = new LinkedHashSet<>();
    int uninteresting = 0;
    String unreadable = null;
    for (JsonNode event : events) {
      switch (read(event)) {
        case Manifest manifest -> manifests.add(manifest);
        case Skipped skip -> {
          uninteresting++;
          skipped.add(skip.what());
        }
        case Unreadable bad -> {
          uninteresting++;
          unreadable = unreadable == null ? bad.reason() : unreadable;
        }
      }
    }
    if (manifests.isEmpty()) {
      if (unreadable != null) {
        return new WebhookOutcome.Unrecognized(unreadable);
      }
      return new WebhookOutcome.Ignored(
          skipped.isEmpty()
              ? "a distribution envelope without events"
              : "no manifest push or delete among the distribution events: "
                  + String.join(", ", skipped));
    }
    Folded folded = foldPlatformPushes(manifests);
    return new WebhookOutcome.Normalized(folded.events(), uninteresting + folded.count());
  }

  private static Entry read(JsonNode event) {
    String action = PayloadFields.text(event, "action");
    JsonNode target = PayloadFields.object(event, "target");
    if (action == null || target == null) {
      return new Unreadable("a distribution event without \"action\" or \"target\"");
    }
    String mediaType = PayloadFields.text(target, "mediaType");
    String digest = PayloadFields.digest(PayloadFields.text(target, "digest"));
    ImageAction imageAction =
        switch (action.toLowerCase(Locale.ROOT)) {
          case "push" -> isManifest(mediaType) ? ImageAction.PUSHED : null;
          // A manifest delete names only the repository and the digest. A blob delete looks the
          // same, but blobs are deleted through the API only on an operator's explicit request.
          case "delete" ->
              (mediaType == null ? digest != null : isManifest(mediaType))
                  ? ImageAction.DELETED
                  : null;
          default -> null;
        };
    if (imageAction == null) {
      String what =
          mediaType != null ? mediaType : digest != null ? "a blob" : "a tag or repository";
      return new Skipped(action + " of " + what);
    }
    String repository = PayloadFields.text(target, "repository");
    if (repository == null || digest == null) {
      return new Unreadable(
          "a manifest " + action + " without \"target.repository\" or \"target.digest\"");
    }
    String registry = PayloadFields.host(PayloadFields.text(event.get("request"), "host"));
    if (registry == null) {
      registry = PayloadFields.host(PayloadFields.text(target, "url"));
    }
    List<ImagePlatform> platforms = new ArrayList<>();
    Set<String> references = new LinkedHashSet<>();
    if (isIndex(mediaType)) {
      readReferences(target, platforms, references);
    }
    return new Manifest(
        RegistryEvent.of(imageAction, repository)
            .registry(registry)
            // Never the tag at the end of "url": since 2.1 it ends in a digest (distribution #966).
            .tag(PayloadFields.text(target, "tag"))
            .digest(digest)
            .mediaType(mediaType)
            .platforms(platforms)
            .occurredAt(PayloadFields.instant(event, "timestamp"))
            .deliveryId(PayloadFields.text(event, "id"))
            .build(),
        references);
  }

  /**
   * The child manifests of an index, from the {@code references} a registry with {@code
   * includereferences} sends; attestation manifests (BuildKit's {@code unknown/unknown}) are
   * children but no platform.
   */
  private static void readReferences(
      JsonNode target, List<ImagePlatform> platforms, Set<String> references) {
    JsonNode children = target.get("references");
    if (children == null || !children.isArray()) {
      return;
    }
    for (JsonNode child : children) {
      String digest = PayloadFields.digest(PayloadFields.text(child, "digest"));
      String mediaType = PayloadFields.text(child, "mediaType");
      if (digest == null || mediaType != null && !isManifest(mediaType)) {
        continue;
      }
      references.add(digest);
      String kind =
          PayloadFields.text(
              PayloadFields.object(child, "annotations"), "vnd.docker.reference.type");
      if (!"attestation-manifest".equals(kind)) {
        JsonNode platform = PayloadFields.object(child, "platform");
        platforms.add(
            new ImagePlatform(
                PayloadFields.text(platform, "os"),
                PayloadFields.text(platform, "architecture"),
                PayloadFields.text(platform, "variant"),
                digest));
      }
    }
  }

  /**
   * Folds untagged platform-manifest pushes into the push of the index in the same envelope that
   * lists them, or, when no index says what it lists, into the only index push of the repository.
   * The registry does not promise that an envelope's events are related, so with two such index
   * pushes nothing is folded.
   */
  private static Folded foldPlatformPushes(List<Manifest> manifests) {
    Map<Integer, List<String>> childrenOf = new HashMap<>();
    Set<Integer> folded = new HashSet<>();
    for (int i = 0; i < manifests.size(); i++) {
      Manifest manifest = manifests.get(i);
      Integer index = isPlatformPush(manifest) ? indexListing(manifests, manifest) : null;
      if (index != null) {
        childrenOf.computeIfAbsent(index, k -> new ArrayList<>()).add(manifest.event().digest());
        folded.add(i);
      }
    }
    List<RegistryEvent> events = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      Manifest manifest = manifests.get(i);
      if (folded.contains(i)) {
        continue;
      }
      if (manifest.references().isEmpty() && childrenOf.containsKey(i)) {
        // Without references the platform is unknown: only the child's digest is.
        events.add(
            withPlatforms(
                manifest.event(),
                childrenOf.get(i).stream()
                    .map(digest -> new ImagePlatform(null, null, null, digest))
                    .toList()));
      } else {
        events.add(manifest.event());
      }
    }
    return new Folded(events, folded.size());
  }

  private static boolean isPlatformPush(Manifest manifest) {
    RegistryEvent event = manifest.event();
    return event.action() == ImageAction.PUSHED
        && event.tags().isEmpty()
        && isImageManifest(event.mediaType());
  }

  /** The position of the index push that takes {@code child} as a platform, or {@code null}. */
  private static Integer indexListing(List<Manifest> manifests, Manifest child) {
    Integer unreferenced = null;
    int unreferencedCount = 0;
    for (int i = 0; i < manifests.size(); i++) {
      RegistryEvent candidate = manifests.get(i).event();
      if (candidate.action() != ImageAction.PUSHED
          || !isIndex(candidate.mediaType())
          || !candidate.repository().equals(child.event().repository())) {
        continue;
      }
      Set<String> references = manifests.get(i).references();
      if (references.contains(child.event().digest())) {
        return i;
      }
      if (references.isEmpty()) {
        unreferenced = i;
        unreferencedCount++;
      }
    }
    return unreferencedCount == 1 ? unreferenced : null;
  }

  private static RegistryEvent withPlatforms(RegistryEvent event, List<ImagePlatform> platforms) {
    return new RegistryEvent(
        event.action(),
        event.registry(),
        event.repository(),
        event.tags(),
        event.digest(),
        event.mediaType(),
        platforms,
        event.scan(),
        event.occurredAt(),
        event.deliveryId());
  }

  private static boolean isManifest(String mediaType) {
    return isImageManifest(mediaType) || isIndex(mediaType);
  }

  private static boolean isImageManifest(String mediaType) {
    return mediaType != null && IMAGE_MANIFESTS.contains(mediaType);
  }

  private static boolean isIndex(String mediaType) {
    return mediaType != null && INDEXES.contains(mediaType);
  }

  /** What one event of an envelope is to Scanwatch. */
  private sealed interface Entry permits Manifest, Skipped, Unreadable {}

  /**
   * A manifest push or delete, with the platforms an index lists.
   *
   * @param references digests of the child manifests an index lists, empty when not given
   */
  private record Manifest(RegistryEvent event, Set<String> references) implements Entry {}

  /** A pull, a blob, a mount or a tag delete. */
  private record Skipped(String what) implements Entry {}

  private record Unreadable(String reason) implements Entry {}

  private record Folded(List<RegistryEvent> events, int count) {}
}
