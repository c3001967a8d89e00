package io.scanwatch.policy.rules;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.RepositoryGlob;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which images a policy is for: repository globs ({@code *} within a path segment, {@code **}
 * across) and labels that must all be present with these values. An empty selector selects every
 * image.
 *
 * @param repositories globs over {@code repository} or {@code registry/repository}; empty for any
 * @param labels e.g. {@code team: payments}, {@code environment: production}
 */
public record Selector(List<String> repositories, Map<String, String> labels) {

  public Selector {
    repositories = repositories == null ? List.of() : List.copyOf(repositories);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Selects every image. */
  public static Selector any() {
    return new Selector(List.of(), Map.of());
  }

  /**
   * How specifically this selector matches the image, or empty when it does not. More matching
   * labels are more specific; among equal labels, the longer literal part of the matching glob is.
   */
  public OptionalInt specificity(ImageReference image, Map<String, String> imageLabels) {
    for (var label : labels.entrySet()) {
      if (!label.getValue().equals(imageLabels.get(label.getKey()))) {
        return OptionalInt.empty();
      }
    }
    int glob = repositories.isEmpty() ? 0 : -1;
    for (String repository : repositories) {
      if (RepositoryGlob.of(repository).matches(image)) {
        glob = Math.max(glob, 1 + literalLength(repository));
      }
    }
    if (glob < 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(labels.size() * 10_000 + glob);
  }

  private static int literalLength(String glob) {
    return glob.replace("*", "").length();
  }
}
