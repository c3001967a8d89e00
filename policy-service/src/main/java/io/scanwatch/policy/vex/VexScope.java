package io.scanwatch.policy.vex;

import io.scanwatch.contracts.ImageReference;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an uploaded VEX document is for: a repository ({@code registry/repository}), or an image in
 * it ({@code registry/repository@digest} or {@code registry/repository:tag}). A reference without a
 * registry host is on Docker Hub, as {@code docker pull} reads it.
 *
 * @param registry registry host, lower case, Docker Hub as {@code docker.io}
 * @param repository repository path, lower case, Docker Hub's implicit {@code library/} spelled out
 * @param tag the tag, or {@code null}
 * @param digest the manifest digest, or {@code null}
 */
public record VexScope(String registry, String repository, String tag, String digest) {

  private static final String DOCKER_HUB = "docker.io";
  private static final Pattern REGISTRY = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\\d+)?");
  private static final Pattern PATH =
      Pattern.compile("[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,}");

  /** Reads a scope, or says why it is not one. */
  public static ScopeParse parse(String text) {
    if (text == null || text.isBlank()) {
      return new ScopeParse.Invalid(
          "scope is required: registry/repository, or an image (registry/repository:tag or"
              + " @digest)");
    }
    String rest = text.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        return new ScopeParse.Invalid("scope has no valid digest (sha256:<hex>): " + text);
      }
      digest = digest.toLowerCase(Locale.ROOT);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        return new ScopeParse.Invalid("scope has no valid tag: " + text);
      }
    }
    int slash = rest.indexOf('/');
    String first = slash < 0 ? "" : rest.substring(0, slash);
    String registry;
    String repository;
    if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
      registry = first;
      repository = rest.substring(slash + 1);
    } else {
      registry = DOCKER_HUB;
      repository = rest;
    }
    registry = registry.toLowerCase(Locale.ROOT);
    repository = repository.toLowerCase(Locale.ROOT);
    if (!REGISTRY.matcher(registry).matches() || !PATH.matcher(repository).matches()) {
      return new ScopeParse.Invalid(
          "scope is not a repository or image reference (registry/repository[:tag][@digest]): "
              + text);
    }
    return new ScopeParse.Valid(of(registry, repository, tag, digest));
  }

  /** The scope of exactly this image's repository, Docker Hub's spellings made one. */
  static VexScope of(String registry, String repository, String tag, String digest) {
    String host = registry.toLowerCase(Locale.ROOT);
    if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
      host = DOCKER_HUB;
    }
    String path = repository.toLowerCase(Locale.ROOT);
    if (host.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    return new VexScope(host, path, tag, digest);
  }

  /** {@code registry/repository} of the scope, and of an image, the key to find documents by. */
  public String repositoryKey() {
    return registry + "/" + repository;
  }

  /** The key of the repository {@code image} is in, spelled as scopes spell it. */
  public static String repositoryKeyOf(ImageReference image) {
    return of(image.registry(), image.repository(), null, null).repositoryKey();
  }

  /** Whether the scope is a whole repository rather than one image. */
  public boolean isRepository() {
    return tag == null && digest == null;
  }

  /**
   * Whether documents of this scope apply to {@code image}: the same repository, and for an image
   * scope the same digest, or the same tag when the scope names no digest. An image known without a
   * digest is not one a digest scope names.
   */
  public boolean appliesTo(ImageReference image) {
    if (!repositoryKey().equals(repositoryKeyOf(image))) {
      return false;
    }
    if (digest != null) {
      return digest.equalsIgnoreCase(image.digest());
    }
    return tag == null || tag.equals(image.tag());
  }

  /** The scope as a reference: {@code registry/repository[:tag][@digest]}. */
  public String reference() {
    return repositoryKey() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  /** A scope read from text, or why not. */
  public sealed interface ScopeParse {
    record Valid(VexScope scope) implements ScopeParse {}

    record Invalid(String reason) implements ScopeParse {}
  }
}
