package io.scanwatch.ingest.image;

import java.util.regex.Pattern;

/**
 * A repository pattern as teams write them: {@code *} matches within one path segment, {@code **}
 * across segments ({@code team-a/**} is every repository of team-a); everything else is literal.
 */
public record RepositoryGlob(String glob, Pattern pattern) {

  /** Compiles {@code glob}. */
  public static RepositoryGlob of(String glob) {
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
    return new RepositoryGlob(glob, Pattern.compile(regex.toString()));
  }

  /** Whether {@code repository} matches the whole pattern. */
  public boolean matches(String repository) {
    return pattern.matcher(repository).matches();
  }
}
