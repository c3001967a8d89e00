package io.scanwatch.notifier.silence;

import java.time.Duration;
import java.time.Instant;

/**
 * A silence as asked for through the API.
 *
 * @param matchers what alerts it holds back
 * @param startsAt when it starts; {@code null} for now
 * @param endsAt when it ends; give this or {@code duration}
 * @param duration how long it lasts from its start, e.g. {@code PT4H}; give this or {@code endsAt}
 * @param author who asks for it
 * @param comment why
 */
public record SilenceRequest(
    Matchers matchers,
    Instant startsAt,
    Instant endsAt,
    Duration duration,
    String author,
    String comment) {

  /**
   * The silence's matchers; at least one is set.
   *
   * @param repository a repository glob
   * @param vulnerability a vulnerability id
   * @param priority {@code P0} … {@code P3}
   */
  public record Matchers(String repository, String vulnerability, String priority) {}
}
