package io.scanwatch.ingest.webhook;

import io.scanwatch.contracts.ImageAction;
import io.scanwatch.contracts.ImagePlatform;
import io.scanwatch.contracts.RegistryScan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing a registry said about an image, normalized but not yet attributed to a source or given
 * an id.
 *
 * @param action what happened
 * @param registry the registry host when the payload names it, else {@code null} (the source's
 *     configured registry is used)
 * @param repository repository path, never blank
 * @param tags tags the event names, none blank; empty when there is none
 * @param digest the manifest digest with its algorithm prefix, or {@code null}
 * @param mediaType the manifest media type, or {@code null}
 * @param platforms platforms of a multi-architecture push
 * @param scan the registry scanner's result, for the scan actions only
 * @param occurredAt when the registry says it happened, or {@code null}
 * @param deliveryId the provider's id of the delivery or of this event, or {@code null}
 */
public record RegistryEvent(
    ImageAction action,
    String registry,
    String repository,
    List<String> tags,
    String digest,
    String mediaType,
    List<ImagePlatform> platforms,
    RegistryScan scan,
    Instant occurredAt,
    String deliveryId) {

  public RegistryEvent {
    Objects.requireNonNull(action, "action");
    if (repository == null || repository.isBlank()) {
      throw new IllegalArgumentException("repository must not be blank");
    }
    tags = tags.stream().filter(tag -> tag != null && !tag.isBlank()).distinct().toList();
    platforms = List.copyOf(platforms);
    registry = blankToNull(registry);
    digest = blankToNull(digest);
    mediaType = blankToNull(mediaType);
    deliveryId = blankToNull(deliveryId);
  }

  /** Starts an event of {@code action} on {@code repository}. */
  public static Builder of(ImageAction action, String repository) {
    return new Builder(action, repository);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Builds a {@link RegistryEvent} field by field; only action and repository are required. */
  public static final class Builder {
    private final ImageAction action;
    private final String repository;
    private String registry;
    private List<String> tags = List.of();
    private String digest;
    private String mediaType;
    private List<ImagePlatform> platforms = List.of();
    private RegistryScan scan;
    private Instant occurredAt;
    private String deliveryId;

    private Builder(ImageAction action, String repository) {
      this.action = action;
      this.repository = repository;
    }

    public Builder registry(String registry) {
      this.registry = registry;
      return this;
    }

    public Builder tag(String tag) {
      this.tags = tag == null ? List.of() : List.of(tag);
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder digest(String digest) {
      this.digest = digest;
      return this;
    }

    public Builder mediaType(String mediaType) {
      this.mediaType = mediaType;
      return this;
    }

    public Builder platforms(List<ImagePlatform> platforms) {
      this.platforms = platforms;
      return this;
    }

    public Builder scan(RegistryScan scan) {
      this.scan = scan;
      return this;
    }

    public Builder occurredAt(Instant occurredAt) {
      this.occurredAt = occurredAt;
      return this;
    }

    public Builder deliveryId(String deliveryId) {
      this.deliveryId = deliveryId;
      return this;
    }

    public RegistryEvent build() {
      return new RegistryEvent(
          action,
          registry,
          repository,
          tags,
          digest,
          mediaType,
          platforms,
          scan,
          occurredAt,
          deliveryId);
    }
  }
}
