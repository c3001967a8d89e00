package io.scanwatch.policy.verdict.web;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.FindingChanges;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.alert.AlertLifecycle;
import io.scanwatch.policy.alert.AlertRecord;
import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.policy.verdict.VerdictStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What policy-service knows of images: the state of each tag of a repository ({@code GET
 * /api/v1/images/{registry/repository}}), the verdict history, and one verdict in full.
 */
@RestController
class VerdictController {

  static final int MAX_LIMIT = 500;
  private static final String IMAGES = "/api/v1/images/";

  private final VerdictStore verdicts;
  private final AlertStore alerts;

  VerdictController(VerdictStore verdicts, AlertStore alerts) {
    this.verdicts = verdicts;
    this.alerts = alerts;
  }

  /**
   * One tag's state: its latest verdict in brief, and its alert.
   *
   * @param openFindings the most pressing counted findings, with their fixed versions
   * @param alert the tag's alert state, or {@code null} when it never had one
   */
  record TagState(
      String image,
      String tag,
      String digest,
      String reportId,
      Instant scannedAt,
      String policy,
      boolean passed,
      boolean countsOnly,
      int score,
      String grade,
      Priority priority,
      Instant firstSeenAt,
      Instant deadline,
      SeverityCounts counts,
      SeverityCounts allCounts,
      int suppressed,
      List<Finding> openFindings,
      FindingChanges changes,
      String rootCause,
      String alert) {

    static TagState of(Verdict verdict, String alert) {
      return new TagState(
          verdict.image().displayName(),
          verdict.image().tag(),
          verdict.image().digest(),
          verdict.reportId(),
          verdict.inputReceivedAt(),
          verdict.policy(),
          verdict.passed(),
          verdict.countsOnly(),
          verdict.score().value(),
          verdict.score().grade(),
          verdict.priority(),
          verdict.firstSeenAt(),
          verdict.deadline(),
          verdict.counts(),
          verdict.allCounts(),
          verdict.suppressed().size(),
          verdict.topFindings(),
          verdict.diff() == null ? null : verdict.diff().changes(),
          verdict.rootCause() == null ? null : verdict.rootCause().summary(),
          alert);
    }
  }

  /** The answer about a repository. */
  record RepositoryState(String repository, List<TagState> tags) {}

  @GetMapping(IMAGES + "**")
  RepositoryState repository(HttpServletRequest request) {
    String repository = request.getServletPath().substring(IMAGES.length());
    if (repository.isBlank() || !repository.contains("/")) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "name the repository with its registry, e.g. /api/v1/images/docker.io/library/alpine");
    }
    List<Verdict> latest = verdicts.latestPerTag(repository);
    if (latest.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no verdict on repository '" + repository + "' yet");
    }
    return new RepositoryState(
        repository,
        latest.stream()
            .map(
                verdict ->
                    TagState.of(
                        verdict,
                        alerts
                            .find(AlertLifecycle.alertIdOf(verdict.image()))
                            .map(AlertRecord::state)
                            .map(Enum::name)
                            .orElse(null)))
            .toList());
  }

  /** The answer of the history: newest first. */
  record History(String repository, String tag, List<TagState> verdicts) {}

  @GetMapping("/api/v1/verdicts")
  History history(
      @RequestParam String repository,
      @RequestParam(required = false) String tag,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "'limit' must be between 1 and " + MAX_LIMIT);
    }
    if (repository.isBlank()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "'repository' must name a repository with its registry, e.g. docker.io/library/alpine");
    }
    if (hasControlCharacter(repository) || (tag != null && hasControlCharacter(tag))) {
      // No repository or tag holds one; the query filter refuses them first, this is the contract.
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "'repository' and 'tag' must not contain control characters");
    }
    return new History(
        repository,
        tag,
        verdicts.history(repository, tag, limit).stream()
            .map(verdict -> TagState.of(verdict, null))
            .toList());
  }

  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }

  @GetMapping("/api/v1/verdicts/{reportId}")
  Verdict verdict(@PathVariable String reportId) {
    return verdicts
        .verdictOn(reportId)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no verdict on report '" + reportId + "'"));
  }
}
