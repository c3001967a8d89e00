package io.scanwatch.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A registry told ingest-service something about an image: pushed, deleted, or scanned by the
 * registry's own scanner. Published on {@link Topics#IMAGE_EVENTS}, keyed by {@link
 * #repositoryKey()} so one repository's events stay in order.
 *
 * @param eventId derived from the provider's delivery id (or the event's content), so a webhook
 *     delivered twice yields the same id
 * @param occurredAt when the registry says it happened, else when it was received
 * @param receivedAt when ingest-service received the webhook
 * @param correlationId follows the webhook from the HTTP request to the last notification
 * @param action what happened
 * @param registry registry host, e.g. {@code harbor.example.com} or {@code docker.io}
 * @param repository repository path within the registry, e.g. {@code library/alpine}
 * @param tags the tags the event names; empty when the image is known by digest only
 * @param digest the manifest (or index) digest, or {@code null} when the registry does not send it
 * @param mediaType the manifest's media type, or {@code null} when the registry does not say
 * @param platforms the platforms of a multi-architecture push; empty otherwise
 * @param scan the registry scanner's result, only for the scan actions
 * @param provider the registry kind, e.g. {@code harbor}
 * @param source the name of the configured webhook source the event came through
 * @param deliveryId the provider's id for the delivery or event, or {@code null} when it sends none
 * @param labels the labels configured for the source (team, environment); they select the image's
 *     policy
 */
public record ImageEvent(
    UUID eventId,
    Instant occurredAt,
    Instant receivedAt,
    String correlationId,
    ImageAction action,
    String registry,
    String repository,
    List<String> tags,
    String digest,
    String mediaType,
    List<ImagePlatform> platforms,
    RegistryScan scan,
    String provider,
    String source,
    String deliveryId,
    Map<String, String> labels) {

  public ImageEvent {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    tags = List.copyOf(tags);
    platforms = List.copyOf(platforms);
  }

  /** An event from a source without labels. */
  public ImageEvent(
      UUID eventId,
      Instant occurredAt,
      Instant receivedAt,
      String correlationId,
      ImageAction action,
      String registry,
      String repository,
      List<String> tags,
      String digest,
      String mediaType,
      List<ImagePlatform> platforms,
      RegistryScan scan,
      String provider,
      String source,
      String deliveryId) {
    this(
        eventId,
        occurredAt,
        receivedAt,
        correlationId,
        action,
        registry,
        repository,
        tags,
        digest,
        mediaType,
        platforms,
        scan,
        provider,
        source,
        deliveryId,
        Map.of());
  }

  /** {@code registry/repository}, the record key. */
  public String repositoryKey() {
    return registry + "/" + repository;
  }

  /** The image under each tag, or the image by digest alone when the event names no tag. */
  public List<ImageReference> images() {
    if (tags.isEmpty()) {
      return List.of(new ImageReference(registry, repository, null, digest));
    }
    return tags.stream().map(tag -> new ImageReference(registry, repository, tag, digest)).toList();
  }
}
