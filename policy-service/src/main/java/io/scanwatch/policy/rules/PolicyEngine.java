package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies a policy to a scan: leaves out the findings the policy's filters exclude, then those an
 * exception or VEX statement suppresses, and judges what remains with the policy's rules. A pure
 * function of its inputs; the known-exploited catalogue and the end-of-life data are handed in.
 */
public class PolicyEngine {

  private static final String FIXED_STATUS = "fixed";

  private final Predicate<String> knownExploited;
  private final Predicate<OperatingSystem> endOfLife;

  /**
   * @param knownExploited whether a vulnerability id is in the known-exploited catalogue
   * @param endOfLife whether an operating system release is end of life
   */
  public PolicyEngine(Predicate<String> knownExploited, Predicate<OperatingSystem> endOfLife) {
    this.knownExploited = knownExploited;
    this.endOfLife = endOfLife;
  }

  public Evaluation evaluate(Policy policy, ScanFacts facts, Suppressor suppressor) {
    Conditions conditions = policy.conditions();
    if (facts.countsOnly()) {
      var scan =
          new CountedScan(List.of(), facts.registryCounts(), null, null, null, List.of(), true);
      return new Evaluation(
          policy.name(),
          true,
          facts.registryCounts(),
          List.of(),
          facts.registryCounts(),
          List.of(),
          List.of(),
          List.of(),
          judge(conditions, scan));
    }
    List<Finding> unique = Policy.unique(facts.findings());
    var counted = new ArrayList<Finding>();
    var excluded = new ArrayList<Evaluation.Excluded>();
    var suppressed = new ArrayList<Evaluation.Suppressed>();
    for (Finding finding : unique) {
      Optional<String> exclusion = exclusion(conditions, finding, facts.scannedAt());
      if (exclusion.isPresent()) {
        excluded.add(new Evaluation.Excluded(finding, exclusion.get()));
        continue;
      }
      Optional<Suppression> suppression = suppressor.suppression(facts.image(), finding);
      if (suppression.isPresent()) {
        suppressed.add(
            new Evaluation.Suppressed(
                finding, suppression.get(), knownExploited.test(finding.vulnerabilityId())));
      } else {
        counted.add(finding);
      }
    }
    List<Finding> exploited =
        counted.stream().filter(f -> knownExploited.test(f.vulnerabilityId())).toList();
    var scan =
        new CountedScan(
            counted,
            SeverityCounts.uniqueOf(counted),
            facts.os(),
            facts.misconfigurations(),
            facts.secrets(),
            exploited,
            false);
    return new Evaluation(
        policy.name(),
        false,
        SeverityCounts.uniqueOf(unique),
        counted,
        scan.counts(),
        excluded,
        suppressed,
        exploited,
        judge(conditions, scan));
  }

  /** The policy's rules, from the most severe: counts per severity first. */
  public List<PolicyRule> rules(Conditions conditions) {
    var rules = new ArrayList<PolicyRule>();
    for (Severity severity : Severity.values()) {
      Integer max = conditions.maxFindings().get(severity);
      if (max != null) {
        rules.add(new SeverityThresholdRule(severity, max));
      }
    }
    if (conditions.escalateKnownExploited()) {
      rules.add(new KnownExploitedRule());
    }
    if (conditions.failOnEndOfLifeOs()) {
      rules.add(new EndOfLifeOsRule(endOfLife));
    }
    if (conditions.maxMisconfigurations() != null) {
      rules.add(ScanThresholdRule.misconfigurations(conditions.maxMisconfigurations()));
    }
    if (conditions.maxSecrets() != null) {
      rules.add(ScanThresholdRule.secrets(conditions.maxSecrets()));
    }
    return rules;
  }

  private List<RuleResult> judge(Conditions conditions, CountedScan scan) {
    return rules(conditions).stream().map(rule -> rule.evaluate(scan)).toList();
  }

  /** Why the policy's filters leave {@code finding} out, or empty when they count it. */
  static Optional<String> exclusion(Conditions conditions, Finding finding, Instant scannedAt) {
    Finding.Details details = finding.details();
    String status = details == null ? null : details.status();
    if (status != null && conditions.ignoreStatuses().contains(status.toLowerCase(Locale.ROOT))) {
      return Optional.of("status " + status + " is ignored");
    }
    if (conditions.fixableOnly() && !finding.fixable() && !FIXED_STATUS.equals(status)) {
      return Optional.of("no fixed version yet");
    }
    PackageClass packageClass = packageClassOf(finding);
    if (conditions.packageClass() != PackageClass.ALL
        && packageClass != null
        && packageClass != conditions.packageClass()) {
      return Optional.of(
          (packageClass == PackageClass.OS ? "an OS package" : "a language package")
              + "; the policy counts "
              + (conditions.packageClass() == PackageClass.OS ? "OS" : "language")
              + " packages only");
    }
    Double score = details == null || details.cvss() == null ? null : details.cvss().score();
    if (conditions.minCvss() != null && score != null && score < conditions.minCvss()) {
      return Optional.of("CVSS %.1f is below %.1f".formatted(score, conditions.minCvss()));
    }
    Instant published = details == null ? null : details.publishedAt();
    if (conditions.ageGraceDays() > 0
        && published != null
        && published.isAfter(scannedAt.minus(Duration.ofDays(conditions.ageGraceDays())))) {
      return Optional.of(
          "published %s, within the %d-day grace period"
              .formatted(published, conditions.ageGraceDays()));
    }
    return Optional.empty();
  }

  /**
   * From Trivy's result class; {@code null} when the scanner does not say, and such findings count
   * under any class: an unknown origin is no reason to look away.
   */
  static PackageClass packageClassOf(Finding finding) {
    Finding.Details details = finding.details();
    if (details == null || details.resultClass() == null) {
      return null;
    }
    return switch (details.resultClass()) {
      case "os-pkgs" -> PackageClass.OS;
      case "lang-pkgs" -> PackageClass.LANGUAGE;
      default -> null;
    };
  }
}
