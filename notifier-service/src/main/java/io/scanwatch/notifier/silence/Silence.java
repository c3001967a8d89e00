package io.scanwatch.notifier.silence;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.RepositoryGlob;
import java.time.Instant;
import java.util.Locale;

/**
 * Holds back notifications of the alerts it matches while it is active. Its matchers must all hold;
 * at least one is set.
 *
 * @param id the silence's id
 * @param repository a repository glob ({@code *} within a path segment, {@code **} across),
 *     compared without regard to case, or {@code null} for any
 * @param vulnerability a vulnerability id such as {@code CVE-2023-0286}, or {@code null} for any:
 *     an alert matches only when every finding it reports is that vulnerability, so a silence for
 *     one CVE never hides an alert about another
 * @param priority a priority, or {@code null} for any
 * @param startsAt when it starts to apply
 * @param endsAt when it stops applying, by itself
 * @param author who asked for it
 * @param comment why
 * @param createdAt when it was created
 * @param createdBy the credential that created it, as the API's principal names it
 */
public record Silence(
    String id,
    String repository,
    String vulnerability,
    Priority priority,
    Instant startsAt,
    Instant endsAt,
    String author,
    String comment,
    Instant createdAt,
    String createdBy) {

  /** Whether it applies at {@code now}. */
  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  /** Where it is in its life at {@code now}: {@code pending}, {@code active} or {@code expired}. */
  public String stateAt(Instant now) {
    if (now.isBefore(startsAt)) {
      return "pending";
    }
    return now.isBefore(endsAt) ? "active" : "expired";
  }

  /** Whether its matchers hold for {@code alert}, whatever the time. */
  public boolean matches(AlertEvent alert) {
    return (repository == null || RepositoryGlob.ignoringCase(repository).matches(alert.image()))
        && (priority == null || priority == alert.priority())
        && (vulnerability == null || onlyAbout(alert, vulnerability));
  }

  private static boolean onlyAbout(AlertEvent alert, String vulnerability) {
    String wanted = vulnerability.toUpperCase(Locale.ROOT);
    return !alert.topFindings().isEmpty()
        && alert.topFindings().stream()
            .map(Finding::vulnerabilityId)
            .allMatch(id -> id != null && id.toUpperCase(Locale.ROOT).equals(wanted));
  }
}
