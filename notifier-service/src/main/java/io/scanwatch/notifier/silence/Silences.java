package io.scanwatch.notifier.silence;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.RepositoryGlob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Creates, lists and ends silences, and tells which one holds back an alert. */
@Component
public class Silences {

  /** The longest a silence may last: a year. Longer is an exception to be fixed, not silenced. */
  static final Duration MAX_DURATION = Duration.ofDays(366);

  private static final Pattern VULNERABILITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
  private static final int MAX_AUTHOR = 200;
  private static final int MAX_COMMENT = 2000;

  private final SilenceStore store;
  private final Clock clock;

  public Silences(SilenceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Creates the silence {@code request} asks for.
   *
   * @param createdBy the credential that asks, as the API's principal names it
   * @throws InvalidSilenceException naming every field that is wrong
   */
  public Silence create(SilenceRequest request, String createdBy) {
    Instant now = clock.instant();
    var problems = new ArrayList<String>();
    SilenceRequest.Matchers matchers = request.matchers();
    String repository = null;
    String vulnerability = null;
    Priority priority = null;
    if (matchers == null
        || (onlyWildcards(matchers.repository())
            && blank(matchers.vulnerability())
            && blank(matchers.priority()))) {
      problems.add(
          "matchers: set at least one of repository (not wildcards alone), vulnerability and"
              + " priority; a silence of everything would hide every alert");
    } else {
      if (!blank(matchers.repository())) {
        repository = matchers.repository().strip();
        RepositoryGlob.problem(repository).ifPresent(reason -> problems.add("matchers." + reason));
      }
      if (!blank(matchers.vulnerability())) {
        vulnerability = matchers.vulnerability().strip();
        if (!VULNERABILITY.matcher(vulnerability).matches()) {
          problems.add(
              "matchers.vulnerability must be an id such as CVE-2023-0286 or GHSA-xxxx-xxxx-xxxx");
        }
      }
      if (!blank(matchers.priority())) {
        try {
          priority = Priority.valueOf(matchers.priority().strip());
        } catch (IllegalArgumentException unknown) {
          problems.add("matchers.priority must be one of P0, P1, P2, P3");
        }
      }
    }
    Instant startsAt = request.startsAt() == null ? now : request.startsAt();
    Instant endsAt = null;
    if ((request.endsAt() == null) == (request.duration() == null)) {
      problems.add("give either endsAt or duration");
    } else if (request.duration() != null) {
      if (!request.duration().isPositive()) {
        problems.add("duration must be positive");
      } else {
        endsAt = startsAt.plus(request.duration());
      }
    } else {
      endsAt = request.endsAt();
    }
    if (endsAt != null) {
      if (!endsAt.isAfter(startsAt)) {
        problems.add("endsAt must be after startsAt");
      } else if (!endsAt.isAfter(now)) {
        problems.add("endsAt must be in the future");
      } else if (Duration.between(startsAt, endsAt).compareTo(MAX_DURATION) > 0) {
        problems.add("a silence may last at most 366 days; use a policy exception for longer");
      }
    }
    if (blank(request.author()) || request.author().length() > MAX_AUTHOR) {
      problems.add("author is required, at most " + MAX_AUTHOR + " characters");
    }
    if (blank(request.comment()) || request.comment().length() > MAX_COMMENT) {
      problems.add("comment is required (say why), at most " + MAX_COMMENT + " characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSilenceException(problems);
    }
    var silence =
        new Silence(
            UUID.randomUUID().toString(),
            repository,
            vulnerability,
            priority,
            startsAt,
            endsAt,
            request.author().strip(),
            request.comment().strip(),
            now,
            createdBy);
    store.insert(silence);
    return silence;
  }

  /** The silence with {@code id}. */
  public Optional<Silence> find(String id) {
    return store.find(id);
  }

  /** Every silence, newest first, at most {@code limit}. */
  public List<Silence> all(int limit) {
    return store.all(limit);
  }

  /** Ends the silence {@code id} now; an ended silence stays as it was. */
  public Optional<Silence> expire(String id) {
    return store.expire(id, clock.instant());
  }

  /** The silences that apply at {@code now}, to match several alerts against. */
  public List<Silence> activeAt(Instant now) {
    return store.notEndedAt(now).stream().filter(silence -> silence.activeAt(now)).toList();
  }

  /** The first of {@code active} that holds back {@code alert}. */
  public static Optional<Silence> holding(List<Silence> active, AlertEvent alert) {
    return active.stream().filter(silence -> silence.matches(alert)).findFirst();
  }

  /** The time silences are judged at. */
  public Instant now() {
    return clock.instant();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /**
   * Whether a repository matcher matches every repository, or nearly: absent, or wildcards and
   * slashes alone ({@code **}, {@code *}{@code /**}).
   */
  private static boolean onlyWildcards(String repository) {
    return blank(repository) || repository.strip().chars().allMatch(c -> c == '*' || c == '/');
  }
}
