package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Severity;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a policy demands of an image. Filters decide which findings count; limits decide whether the
 * counted ones pass.
 *
 * @param maxFindings the most counted findings allowed per severity; a severity not named is
 *     unlimited
 * @param fixableOnly count only findings that have a fixed version (or Trivy status {@code fixed})
 * @param ignoreStatuses Trivy statuses whose findings are not counted, e.g. {@code will_not_fix},
 *     {@code end_of_life}
 * @param packageClass count OS packages, language packages, or all
 * @param minCvss count only findings whose CVSS score is at least this; findings without a score
 *     are counted (a missing score is not a low one); {@code null} for no minimum
 * @param ageGraceDays do not count findings published fewer than this many days ago, so a team has
 *     time to react to a new disclosure; {@code 0} for none
 * @param failOnEndOfLifeOs fail images whose operating system release is end of life
 * @param maxMisconfigurations the most misconfigurations allowed, or {@code null} for any number
 * @param maxSecrets the most secrets allowed, or {@code null} for any number
 * @param escalateKnownExploited fail an image with a counted finding in the known-exploited
 *     catalogue, at P0 whatever its severity
 */
public record Conditions(
    Map<Severity, Integer> maxFindings,
    boolean fixableOnly,
    Set<String> ignoreStatuses,
    PackageClass packageClass,
    Double minCvss,
    int ageGraceDays,
    boolean failOnEndOfLifeOs,
    Integer maxMisconfigurations,
    Integer maxSecrets,
    boolean escalateKnownExploited) {

  public Conditions {
    maxFindings = maxFindings == null ? Map.of() : new TreeMap<>(maxFindings);
    ignoreStatuses = ignoreStatuses == null ? Set.of() : Set.copyOf(ignoreStatuses);
    packageClass = packageClass == null ? PackageClass.ALL : packageClass;
  }

  /** Limits on counts only, as the shipped default and the simplest policies have them. */
  public static Conditions maxFindings(Map<Severity, Integer> maxFindings) {
    return new Conditions(
        maxFindings, false, Set.of(), PackageClass.ALL, null, 0, false, null, null, true);
  }
}
