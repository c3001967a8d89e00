package io.scanwatch.policy.exception;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.RepositoryGlob;
import io.scanwatch.policy.kev.KnownExploited;
import io.scanwatch.policy.vex.PackageUrls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grants, changes, revokes and lists exceptions, and notices the ones that expired. Every exception
 * has an end no further ahead than the configured maximum, so nothing is accepted forever.
 */
public class ExceptionGrants {

  /** Expired exceptions noticed per check; the rest wait for the next. */
  static final int BATCH = 500;

  static final int LIST_LIMIT = 1_000;

  /** An advisory id: a prefix such as CVE, GHSA, GO, RUSTSEC or ALAS2, a dash, no spaces. */
  private static final Pattern VULNERABILITY_ID =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9._:\\-]*");

  private static final Pattern CVE =
      Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);
  private static final Pattern GHSA =
      Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}", Pattern.CASE_INSENSITIVE);
  private static final int MAX_TEXT = 2_000;

  private final PolicyExceptions store;
  private final ExceptionNotices notices;
  private final Duration maxDuration;
  private final Function<String, Optional<KnownExploited>> knownExploited;
  private final Clock clock;

  /**
   * @param knownExploited the known-exploited catalogue's entry for a vulnerability id, if any
   */
  public ExceptionGrants(
      PolicyExceptions store,
      ExceptionNotices notices,
      Duration maxDuration,
      Function<String, Optional<KnownExploited>> knownExploited,
      Clock clock) {
    this.store = store;
    this.notices = notices;
    this.maxDuration = maxDuration;
    this.knownExploited = knownExploited;
    this.clock = clock;
  }

  /**
   * Grants an exception. One for a known-exploited vulnerability is refused unless the request
   * acknowledges it: suppressing such a finding lets an image pass that the catalogue would fail,
   * so it must be a decision, not an accident.
   */
  public ExceptionOutcome grant(ExceptionRequest request) {
    Instant now = clock.instant();
    var errors = new ArrayList<InvalidField>();
    String vulnerabilityId = strip(request.vulnerabilityId());
    if (vulnerabilityId == null) {
      errors.add(new InvalidField("/vulnerabilityId", "vulnerabilityId is required"));
    } else {
      vulnerabilityProblem(vulnerabilityId)
          .ifPresent(message -> errors.add(new InvalidField("/vulnerabilityId", message)));
      if (!request.acknowledgeKnownExploited()) {
        knownExploited.apply(vulnerabilityId).ifPresent(entry -> errors.add(unacknowledged(entry)));
      }
    }
    String repository = request.repository() == null ? null : request.repository().strip();
    if (repository != null) {
      RepositoryGlob.problem(repository)
          .ifPresent(message -> errors.add(new InvalidField("/repository", message)));
    }
    String packageName = request.packageName() == null ? null : request.packageName().strip();
    if (packageName != null && (packageName.isEmpty() || packageName.matches(".*\\s.*"))) {
      errors.add(
          new InvalidField(
              "/packageName",
              "packageName is a package's name without spaces; leave it out for every package"));
    }
    String purl = request.purl() == null ? null : request.purl().strip();
    if (purl != null && !PackageUrls.isPackageUrl(purl)) {
      errors.add(
          new InvalidField(
              "/purl", "purl is not a package URL (pkg:type/namespace/name@version): " + purl));
    }
    textProblem("reason", request.reason()).ifPresent(errors::add);
    textProblem("owner", request.owner()).ifPresent(errors::add);
    if (request.expiresAt() == null) {
      errors.add(
          new InvalidField(
              "/expiresAt",
              "expiresAt is required: an exception without an end is not allowed; give an end"
                  + " at most "
                  + days(maxDuration)
                  + " ahead"));
    } else {
      expiryProblem(request.expiresAt(), now).ifPresent(errors::add);
    }
    if (!errors.isEmpty()) {
      return new ExceptionOutcome.Invalid(errors);
    }
    var exception =
        new PolicyException(
            EventIds.timeOrdered(now).toString(),
            vulnerabilityId,
            repository,
            packageName,
            purl,
            request.reason().strip(),
            request.owner().strip(),
            request.expiresAt().truncatedTo(ChronoUnit.MILLIS),
            now.truncatedTo(ChronoUnit.MILLIS),
            strip(request.createdBy()));
    store.insert(exception);
    return new ExceptionOutcome.Saved(exception);
  }

  /**
   * Changes an exception's end or reason; a renewed exception applies again. Fixed fields the
   * change gives must equal the stored ones, and an end or reason equal to the stored one is no
   * change: the exception read, edited and put back changes only what was edited. A change that
   * changes nothing answers the exception as it is.
   */
  public ExceptionOutcome change(String id, ExceptionChange change) {
    Optional<PolicyException> found = store.find(id);
    if (found.isEmpty()) {
      return new ExceptionOutcome.NotFound(id);
    }
    PolicyException stored = found.get();
    var errors = new ArrayList<InvalidField>();
    if (change.unchangeable() != null) {
      errors.addAll(changedFixedFields(stored, change.unchangeable()));
    }
    if (errors.isEmpty() && !change.givesAnything()) {
      errors.add(new InvalidField("", "give a new expiresAt, a new reason, or both"));
    }
    Instant expiresAt =
        change.expiresAt() == null ? null : change.expiresAt().truncatedTo(ChronoUnit.MILLIS);
    if (stored.expiresAt().equals(expiresAt)) {
      expiresAt = null;
    }
    String reason = change.reason() == null ? null : change.reason().strip();
    if (reason != null && reason.equals(stored.reason())) {
      reason = null;
    }
    if (expiresAt != null) {
      expiryProblem(expiresAt, clock.instant()).ifPresent(errors::add);
    }
    if (change.reason() != null) {
      textProblem("reason", change.reason()).ifPresent(errors::add);
    }
    if (!errors.isEmpty()) {
      return new ExceptionOutcome.Invalid(errors);
    }
    if (expiresAt == null && reason == null) {
      return new ExceptionOutcome.Saved(stored);
    }
    return store
        .change(id, expiresAt, reason)
        .<ExceptionOutcome>map(ExceptionOutcome.Saved::new)
        .orElseGet(() -> new ExceptionOutcome.NotFound(id));
  }

  private static List<InvalidField> changedFixedFields(
      PolicyException stored, ExceptionChange.Unchangeable given) {
    var errors = new ArrayList<InvalidField>();
    fixed(errors, "id", given.id(), stored.id(), false);
    fixed(errors, "vulnerabilityId", given.vulnerabilityId(), stored.vulnerabilityId(), true);
    fixed(errors, "repository", given.repository(), stored.repository(), false);
    fixed(errors, "packageName", given.packageName(), stored.packageName(), false);
    fixed(errors, "purl", given.purl(), stored.purl(), false);
    fixed(errors, "owner", given.owner(), stored.owner(), false);
    fixed(errors, "createdBy", given.createdBy(), stored.createdBy(), false);
    if (given.createdAt() != null
        && !given.createdAt().truncatedTo(ChronoUnit.MILLIS).equals(stored.createdAt())) {
      errors.add(
          new InvalidField(
              "/createdAt",
              "createdAt cannot be changed (it is " + stored.createdAt() + "); leave it out"));
    }
    return errors;
  }

  private static void fixed(
      List<InvalidField> errors, String field, String given, String stored, boolean ignoreCase) {
    String value = strip(given);
    if (value == null) {
      return;
    }
    boolean same = ignoreCase ? value.equalsIgnoreCase(stored) : Objects.equals(value, stored);
    if (!same) {
      errors.add(
          new InvalidField(
              "/" + field,
              field
                  + " cannot be changed (it is "
                  + (stored == null ? "not set" : "\"" + stored + "\"")
                  + "); revoke the exception and grant a new one instead"));
    }
  }

  private static InvalidField unacknowledged(KnownExploited entry) {
    String what =
        entry.name() != null
            ? entry.name()
            : Stream.of(entry.vendorProject(), entry.product())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
    return new InvalidField(
        "/acknowledgeKnownExploited",
        entry.cveId()
            + " is in the known-exploited (KEV) catalogue"
            + (what.isEmpty() ? "" : " as \"" + what + "\"")
            + (entry.dateAdded() == null ? "" : ", added " + entry.dateAdded())
            + "; an exception lets images with it pass, so set acknowledgeKnownExploited to true"
            + " to grant it anyway");
  }

  public boolean revoke(String id) {
    return store.delete(id);
  }

  public Optional<PolicyException> find(String id) {
    return store.find(id);
  }

  public List<PolicyException> list(ExceptionQuery query) {
    String vulnerabilityId = strip(query.vulnerabilityId());
    String repository = strip(query.repository());
    return store.list(query.state(), vulnerabilityId, clock.instant(), LIST_LIMIT).stream()
        .filter(
            e ->
                repository == null
                    || e.repository() == null
                    || RepositoryGlob.ignoringCase(e.repository()).matches(repository))
        .toList();
  }

  /** Those in force now. */
  public List<PolicyException> active() {
    return store.activeAt(clock.instant());
  }

  /** Whether {@code exception} is in force now. */
  public boolean isActive(PolicyException exception) {
    return exception.activeAt(clock.instant());
  }

  /**
   * Sends the notice of every exception that expired and was not noticed yet, each once across
   * instances; returns how many were sent.
   */
  public int noticeExpired() {
    Instant now = clock.instant();
    int noticed = 0;
    for (PolicyException expired : store.expiredUnnoticed(now, BATCH)) {
      if (!store.claimNotice(expired.id(), now)) {
        continue;
      }
      try {
        notices.expired(expired);
        noticed++;
      } catch (RuntimeException e) {
        store.releaseNotice(expired.id());
        throw e;
      }
    }
    return noticed;
  }

  private Optional<InvalidField> expiryProblem(Instant expiresAt, Instant now) {
    if (!expiresAt.isAfter(now)) {
      return Optional.of(
          new InvalidField("/expiresAt", "expiresAt must be in the future, not " + expiresAt));
    }
    if (expiresAt.isAfter(now.plus(maxDuration))) {
      return Optional.of(
          new InvalidField(
              "/expiresAt",
              "expiresAt is more than "
                  + days(maxDuration)
                  + " ahead; renew the exception when it ends instead"));
    }
    return Optional.empty();
  }

  private static Optional<String> vulnerabilityProblem(String id) {
    if (!VULNERABILITY_ID.matcher(id).matches()) {
      return Optional.of(
          "vulnerabilityId is an advisory id such as CVE-2023-5678 or GHSA-xxxx-xxxx-xxxx"
              + " (a prefix, a dash, no spaces), not \""
              + id
              + "\"");
    }
    String upper = id.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CVE-") && !CVE.matcher(id).matches()) {
      return Optional.of("a CVE id is CVE-<year>-<number of at least 4 digits>, not " + id);
    }
    if (upper.startsWith("GHSA-") && !GHSA.matcher(id).matches()) {
      return Optional.of("a GHSA id is GHSA-xxxx-xxxx-xxxx, not " + id);
    }
    return Optional.empty();
  }

  private static Optional<InvalidField> textProblem(String field, String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(new InvalidField("/" + field, field + " is required"));
    }
    if (text.length() > MAX_TEXT) {
      return Optional.of(
          new InvalidField("/" + field, field + " is longer than " + MAX_TEXT + " characters"));
    }
    return Optional.empty();
  }

  private static String days(Duration duration) {
    return duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))
        ? duration.toDays() + " days"
        : duration.toString();
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
