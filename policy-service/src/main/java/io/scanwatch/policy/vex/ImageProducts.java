package io.scanwatch.policy.vex;

import io.scanwatch.contracts.ImageReference;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a VEX product names an image. A product is an OCI package URL ({@code
 * pkg:oci/web@sha256%3A…?repository_url=registry.example.com/acme/web&tag=1.4}) or an image
 * reference ({@code registry.example.com/acme/web:1.4}, {@code …@sha256:…}). A digest decides when
 * both sides have one; otherwise the repository must match, and the tag too when the product names
 * one.
 */
final class ImageProducts {

  private static final String DOCKER_HUB = "docker.io";

  private ImageProducts() {}

  static boolean matches(String product, ImageReference image) {
    if (product == null || product.isBlank()) {
      return false;
    }
    Repository imageRepository = Repository.of(image.registry(), image.repository());
    if (product.regionMatches(true, 0, "pkg:", 0, 4)) {
      return PackageUrl.parse(product)
          .filter(purl -> purl.type().equals("oci"))
          .map(purl -> matchesOci(purl, image, imageRepository))
          .orElse(false);
    }
    return parseReference(product.strip())
        .map(reference -> matchesReference(reference, image, imageRepository))
        .orElse(false);
  }

  private static boolean matchesOci(
      PackageUrl purl, ImageReference image, Repository imageRepository) {
    if (purl.version() != null && image.digest() != null) {
      return purl.version().equalsIgnoreCase(image.digest());
    }
    String repositoryUrl = purl.qualifier("repository_url");
    boolean sameRepository;
    if (repositoryUrl != null) {
      String url = withoutScheme(repositoryUrl).toLowerCase(Locale.ROOT);
      String name = purl.name().toLowerCase(Locale.ROOT);
      String imageKey = imageRepository.key();
      // purl-spec examples put the whole repository in repository_url, others only its parent.
      sameRepository =
          (url.equals(imageKey) && imageKey.endsWith("/" + name))
              || (url + "/" + name).equals(imageKey);
    } else {
      sameRepository = purl.name().equalsIgnoreCase(lastSegment(image.repository()));
    }
    return sameRepository && sameTag(purl.qualifier("tag"), image);
  }

  private static boolean matchesReference(
      Reference reference, ImageReference image, Repository imageRepository) {
    if (!reference.repository().equals(imageRepository)) {
      return false;
    }
    if (reference.digest() != null && image.digest() != null) {
      return reference.digest().equalsIgnoreCase(image.digest());
    }
    return sameTag(reference.tag(), image);
  }

  private static boolean sameTag(String productTag, ImageReference image) {
    return productTag == null || productTag.equals(image.tag());
  }

  private static Optional<Reference> parseReference(String text) {
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (rest.isEmpty() || rest.contains(" ")) {
      return Optional.empty();
    }
    String registry;
    String repository;
    int slash = rest.indexOf('/');
    String first = slash < 0 ? "" : rest.substring(0, slash);
    if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
      registry = first;
      repository = rest.substring(slash + 1);
    } else {
      registry = DOCKER_HUB;
      repository = rest;
    }
    if (repository.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Reference(
            Repository.of(registry, repository),
            tag == null || tag.isEmpty() ? null : tag,
            digest == null || digest.isEmpty() ? null : digest));
  }

  private static String withoutScheme(String url) {
    String stripped = url.strip();
    int scheme = stripped.indexOf("://");
    if (scheme >= 0) {
      stripped = stripped.substring(scheme + 3);
    }
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  private static String lastSegment(String repository) {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  private record Reference(Repository repository, String tag, String digest) {}

  /**
   * {@code registry/repository}, lower case, Docker Hub's aliases and implicit library/ spelled
   * out.
   */
  private record Repository(String key) {
    static Repository of(String registry, String repository) {
      String host = registry.toLowerCase(Locale.ROOT);
      if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
        host = DOCKER_HUB;
      }
      String path = repository.toLowerCase(Locale.ROOT);
      if (host.equals(DOCKER_HUB) && !path.contains("/")) {
        path = "library/" + path;
      }
      return new Repository(host + "/" + path);
    }
  }
}
