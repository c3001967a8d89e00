package io.scanwatch.policy.rules;

import io.scanwatch.contracts.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

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
      if (matches(repository, image.repository()) || matches(repository, image.repositoryKey())) {
        glob = Math.max(glob, 1 + literalLength(repository));
      }
    }
    if (glob < 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(labels.size() * 10_000 + glob);
  }

  static boolean matches(String glob, String repository) {
    return pattern(glob).matcher(repository).matches();
  }

  private static Pattern pattern(String glob) {
    var regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static int literalLength(String glob) {
    return glob.replace("*", "").length();
  }
}
