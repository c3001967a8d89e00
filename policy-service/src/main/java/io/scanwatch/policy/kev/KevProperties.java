package io.scanwatch.policy.kev;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Known Exploited Vulnerabilities catalogue comes from ({@code scanwatch.policy.kev}).
 *
 * @param file the path of a catalogue in CISA's JSON feed format; blank for the subset bundled with
 *     Scanwatch. A string, not a {@code Path}, so that an empty environment variable means
 *     "bundled" rather than the working directory.
 */
@ConfigurationProperties("scanwatch.policy.kev")
public record KevProperties(String file) {

  /** The configured file, or empty for the bundled catalogue. */
  public Optional<Path> path() {
    return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.strip()));
  }
}
