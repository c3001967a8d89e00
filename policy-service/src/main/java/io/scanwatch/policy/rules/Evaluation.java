package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.SeverityCounts;
import java.util.List;

/**
 * A policy's judgement of one scan, with everything that went into it.
 *
 * @param policy the policy's name
 * @param countsOnly whether only a registry scanner's counts were judged
 * @param allCounts unique findings per severity before the policy's filters and suppressions
 * @param counted the findings that count
 * @param countedCounts the counted findings per severity (a registry's counts, for counts only)
 * @param excluded findings the policy's filters leave out, each with the filter's reason
 * @param suppressed findings an exception or VEX statement suppresses, each with what did
 * @param knownExploited counted findings in the known-exploited catalogue
 * @param results every rule's result, in rule order
 */
public record Evaluation(
    String policy,
    boolean countsOnly,
    SeverityCounts allCounts,
    List<Finding> counted,
    SeverityCounts countedCounts,
    List<Excluded> excluded,
    List<Suppressed> suppressed,
    List<Finding> knownExploited,
    List<RuleResult> results) {

  public Evaluation {
    counted = List.copyOf(counted);
    excluded = List.copyOf(excluded);
    suppressed = List.copyOf(suppressed);
    knownExploited = List.copyOf(knownExploited);
    results = List.copyOf(results);
  }

  /** A finding the policy does not count, and why. */
  public record Excluded(Finding finding, String reason) {}

  /**
   * A finding that would count but is suppressed, and by what.
   *
   * @param knownExploited whether its vulnerability is in the known-exploited catalogue: the
   *     suppression keeps it from failing the image, and the verdict says so; a verdict stored
   *     before the flag existed reads as {@code false}
   */
  public record Suppressed(Finding finding, Suppression suppression, Boolean knownExploited) {

    public Suppressed {
      knownExploited = Boolean.TRUE.equals(knownExploited);
    }
  }

  /** Whether no rule is violated. */
  public boolean passed() {
    return results.stream().noneMatch(RuleResult.Violation.class::isInstance);
  }

  /** The violated rules. */
  public List<RuleResult.Violation> violations() {
    return results.stream()
        .filter(RuleResult.Violation.class::isInstance)
        .map(RuleResult.Violation.class::cast)
        .toList();
  }
}
