package io.scanwatch.contracts;

import java.util.Objects;

/**
 * A container image as a registry knows it.
 *
 * @param registry registry host, e.g. {@code docker.io} or {@code ghcr.io}
 * @param repository repository path within the registry, e.g. {@code library/alpine}
 * @param tag the tag, or {@code null} when the image is known by digest only
 * @param digest the manifest digest ({@code sha256:…}), or {@code null} when unknown
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  public ImageReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    tag = blankToNull(tag);
    digest = blankToNull(digest);
  }

  /**
   * {@code registry/repository}: the Kafka key of image and scan events, so that one repository's
   * events stay in order on one partition.
   */
  public String repositoryKey() {
    return registry + "/" + repository;
  }

  /** The reference a person would type: {@code registry/repository:tag}, else {@code @digest}. */
  public String displayName() {
    if (tag != null) {
      return repositoryKey() + ":" + tag;
    }
    return digest != null ? repositoryKey() + "@" + digest : repositoryKey();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
