package io.scanwatch.trivy;

import io.scanwatch.contracts.ImageReference;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads image references the way {@code docker pull} does: {@code alpine} is {@code
 * docker.io/library/alpine}, the first path component is a registry only when it looks like a host
 * ({@code ghcr.io}, {@code localhost:5000}), and {@code @sha256:…} names the digest.
 */
public final class ImageReferences {

  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

  private ImageReferences() {}

  /**
   * Parses {@code [registry/]repository[:tag][@digest]}; empty when the text is not an image
   * reference (a file path such as {@code image.tar.gz}, say).
   */
  public static Optional<ImageReference> parse(String reference) {
    if (reference == null || reference.isBlank() || reference.length() > 512) {
      return Optional.empty();
    }
    String rest = reference.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        return Optional.empty();
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        return Optional.empty();
      }
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0 && looksLikeHost(rest.substring(0, slash))) {
      registry = rest.substring(0, slash).toLowerCase(Locale.ROOT);
      rest = rest.substring(slash + 1);
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (!REPOSITORY.matcher(rest).matches() || looksLikeArchive(rest)) {
      return Optional.empty();
    }
    return Optional.of(new ImageReference(registry, rest, tag, digest));
  }

  private static boolean looksLikeHost(String component) {
    return component.contains(".") || component.contains(":") || component.equals("localhost");
  }

  private static boolean looksLikeArchive(String repository) {
    return repository.endsWith(".tar")
        || repository.endsWith(".tar.gz")
        || repository.endsWith(".tgz");
  }
}
