package io.scanwatch.contracts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository pattern as teams write them: {@code *} matches within one path segment, {@code **}
 * across segments ({@code team-a/**} is every repository of team-a); everything else is literal. It
 * matches an image by its {@code repository} or by its {@code registry/repository}. Policy
 * selectors and webhook source scopes compare case-sensitively ({@link #of}); policy exceptions,
 * notification routes and silences without regard to case ({@link #ignoringCase}).
 */
public record RepositoryGlob(String glob, Pattern pattern) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._\\-/:*]+");

  /** Compiles {@code glob}, compared case-sensitively. */
  public static RepositoryGlob of(String glob) {
    return compile(glob, 0);
  }

  /** Compiles {@code glob}, compared without regard to case. */
  public static RepositoryGlob ignoringCase(String glob) {
    return compile(glob, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static RepositoryGlob compile(String glob, int flags) {
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
    return new RepositoryGlob(glob, Pattern.compile(regex.toString(), flags));
  }

  /** Why {@code glob} is no repository pattern, or empty when it is one. */
  public static Optional<String> problem(String glob) {
    if (glob.isBlank()) {
      return Optional.of("repository is blank; leave it out to match every repository");
    }
    if (!ALLOWED.matcher(glob).matches()) {
      return Optional.of(
          "repository may hold letters, digits, '.', '_', '-', ':', '/' and the wildcards * and **"
              + ", not \""
              + glob
              + "\"");
    }
    if (glob.contains("***")) {
      return Optional.of("repository has '***'; use * within a segment or ** across segments");
    }
    if (glob.startsWith("/") || glob.endsWith("/") || glob.contains("//")) {
      return Optional.of("repository has an empty path segment: " + glob);
    }
    return Optional.empty();
  }

  public boolean matches(ImageReference image) {
    return pattern.matcher(image.repository()).matches()
        || pattern.matcher(image.repositoryKey()).matches();
  }

  /** Whether the pattern matches a repository spelled {@code repository} or {@code registry/…}. */
  public boolean matches(String repository) {
    return pattern.matcher(repository).matches();
  }
}
