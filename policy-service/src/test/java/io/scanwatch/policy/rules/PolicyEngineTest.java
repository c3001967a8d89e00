package io.scanwatch.policy.rules;

import static io.scanwatch.policy.Scans.ALPINE310;
import static io.scanwatch.policy.Scans.SPRING4SHELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

import io.scanwatch.contracts.CvssScore;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each condition of a policy on its own, then together, then on a registry's counts alone. */
class PolicyEngineTest {

  private static final Instant SCANNED = Instant.parse("2026-12-03T10:00:00Z");
  private static final ImageReference IMAGE =
      new ImageReference("registry.example.test", "acme/api", "1.0", null);
  private static final OperatingSystem BULLSEYE = new OperatingSystem("debian", "11.3", false);

  private final PolicyEngine engine =
      new PolicyEngine(id -> id.equals("CVE-2022-22965"), OperatingSystem::endOfLife);
  private final Policy shippedDefault =
      new PolicyProperties(Map.of(Severity.CRITICAL, 0, Severity.HIGH, 1)).defaultPolicy();

  @Test
  void theShippedDefaultIsCriticalAtMostZeroThenHighAtMostOneThenNoKnownExploited() {
    assertThat(engine.rules(shippedDefault.conditions()))
        .containsExactly(
            new SeverityThresholdRule(Severity.CRITICAL, 0),
            new SeverityThresholdRule(Severity.HIGH, 1),
            new KnownExploitedRule());
  }

  @Test
  void oneCriticalFindingBreaksMaxCriticalAndNamesTheFinding() {
    Evaluation evaluation = evaluate(shippedDefault, List.of(SPRING4SHELL));

    assertThat(evaluation.passed()).isFalse();
    assertThat(evaluation.results().getFirst())
        .isEqualTo(
            new RuleResult.Violation(
                "max-critical", "CRITICAL 1 exceeds the allowed 0", List.of(SPRING4SHELL)));
    assertThat(evaluation.results().get(1)).isEqualTo(new RuleResult.Pass("max-high"));
  }

  @Test
  void fourMediumFindingsPass() {
    Evaluation evaluation = evaluate(shippedDefault, ALPINE310);

    assertThat(evaluation.passed()).isTrue();
    assertThat(evaluation.countedCounts()).isEqualTo(new SeverityCounts(0, 0, 4, 0, 0));
  }

  @Test
  void oneHighPassesAndTwoHighFailTheHighRule() {
    Finding first = finding("CVE-2099-1", "openssl", Severity.HIGH);
    Finding second = finding("CVE-2099-2", "zlib", Severity.HIGH);

    assertThat(evaluate(shippedDefault, List.of(first)).passed()).isTrue();
    assertThat(evaluate(shippedDefault, List.of(first, second)).violations())
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.rule()).isEqualTo("max-high");
              assertThat(violation.reason()).isEqualTo("HIGH 2 exceeds the allowed 1");
              assertThat(violation.findings()).containsExactly(first, second);
            });
  }

  @Test
  void theSameFindingListedByTwoTargetsCountsOnce() {
    Finding high = finding("CVE-2099-1", "openssl", Severity.HIGH);

    assertThat(evaluate(shippedDefault, List.of(high, high)).passed()).isTrue();
  }

  @Test
  void aKnownExploitedFindingFailsWhateverItsSeverity() {
    Finding lowButExploited =
        new Finding("CVE-2022-22965", "spring-beans", "5.3.15", "5.3.18", Severity.LOW, null);

    Evaluation evaluation = evaluate(shippedDefault, List.of(lowButExploited));

    assertThat(evaluation.knownExploited()).containsExactly(lowButExploited);
    assertThat(evaluation.violations())
        .extracting(RuleResult::rule, RuleResult.Violation::reason)
        .containsExactly(
            tuple("known-exploited", "1 finding(s) known to be exploited: CVE-2022-22965"));
  }

  @Test
  void fixableOnlyLeavesOutFindingsWithoutAFixAndSaysWhy() {
    Finding noFix = new Finding("CVE-2099-3", "glibc", "2.31", null, Severity.CRITICAL, null);
    Finding fixedStatus =
        withDetails(
            new Finding("CVE-2099-4", "curl", "7.1", null, Severity.CRITICAL, null),
            details("fixed", null, null, "os-pkgs"));

    Evaluation evaluation =
        evaluate(policy(conditions().fixableOnly(true)), List.of(noFix, fixedStatus));

    assertThat(evaluation.excluded())
        .containsExactly(new Evaluation.Excluded(noFix, "no fixed version yet"));
    assertThat(evaluation.counted()).containsExactly(fixedStatus);
    assertThat(evaluation.allCounts().critical()).isEqualTo(2);
    assertThat(evaluation.countedCounts().critical()).isEqualTo(1);
  }

  @Test
  void ignoredStatusesUseTrivysVocabulary() {
    Finding willNotFix =
        withDetails(
            finding("CVE-2099-5", "bash", Severity.HIGH),
            details("will_not_fix", null, null, null));
    Finding affected =
        withDetails(
            finding("CVE-2099-6", "perl", Severity.HIGH), details("affected", null, null, null));

    Evaluation evaluation =
        evaluate(
            policy(conditions().ignoreStatuses(Set.of("will_not_fix", "end_of_life"))),
            List.of(willNotFix, affected));

    assertThat(evaluation.excluded())
        .extracting(Evaluation.Excluded::reason)
        .containsExactly("status will_not_fix is ignored");
    assertThat(evaluation.counted()).containsExactly(affected);
  }

  @Test
  void aPackageClassCountsOnlyItsOwnFindingsAndThoseOfUnknownOrigin() {
    Finding os =
        withDetails(
            finding("CVE-1", "openssl", Severity.HIGH), details(null, null, null, "os-pkgs"));
    Finding language =
        withDetails(
            finding("CVE-2", "jackson", Severity.HIGH), details(null, null, null, "lang-pkgs"));
    Finding unknown = finding("CVE-3", "mystery", Severity.HIGH);

    Evaluation osOnly =
        evaluate(
            policy(conditions().packageClass(PackageClass.OS)), List.of(os, language, unknown));
    Evaluation languageOnly =
        evaluate(
            policy(conditions().packageClass(PackageClass.LANGUAGE)),
            List.of(os, language, unknown));

    assertThat(osOnly.counted()).containsExactly(os, unknown);
    assertThat(osOnly.excluded())
        .extracting(Evaluation.Excluded::reason)
        .containsExactly("a language package; the policy counts OS packages only");
    assertThat(languageOnly.counted()).containsExactly(language, unknown);
  }

  @Test
  void aMinimumCvssLeavesOutLowerScoresButCountsFindingsWithoutAScore() {
    Finding scored7 =
        withDetails(finding("CVE-1", "a", Severity.HIGH), details(null, 7.5, null, null));
    Finding scored4 =
        withDetails(finding("CVE-2", "b", Severity.HIGH), details(null, 4.3, null, null));
    Finding unscored = finding("CVE-3", "c", Severity.HIGH);

    Evaluation evaluation =
        evaluate(policy(conditions().minCvss(7.0)), List.of(scored7, scored4, unscored));

    assertThat(evaluation.counted()).containsExactly(scored7, unscored);
    assertThat(evaluation.excluded())
        .extracting(Evaluation.Excluded::reason)
        .containsExactly("CVSS 4.3 is below 7.0");
  }

  @Test
  void anAgeGraceLeavesOutFindingsPublishedWithinIt() {
    Finding yesterday =
        withDetails(
            finding("CVE-1", "a", Severity.CRITICAL),
            details(null, null, SCANNED.minusSeconds(86_400), null));
    Finding lastMonth =
        withDetails(
            finding("CVE-2", "b", Severity.CRITICAL),
            details(null, null, SCANNED.minusSeconds(30 * 86_400), null));

    Evaluation evaluation =
        evaluate(policy(conditions().ageGraceDays(3)), List.of(yesterday, lastMonth));

    assertThat(evaluation.counted()).containsExactly(lastMonth);
    assertThat(evaluation.excluded().getFirst().reason())
        .isEqualTo("published 2026-12-02T10:00:00Z, within the 3-day grace period");
  }

  @Test
  void anEndOfLifeOsFailsWhenThePolicySaysSo() {
    var eol = new OperatingSystem("alpine", "3.10.2", true);
    Policy strict = policy(conditions().failOnEndOfLifeOs(true));

    Evaluation evaluation = engine.evaluate(strict, facts(List.of(), eol), Suppressor.NONE);

    assertThat(evaluation.violations())
        .extracting(RuleResult.Violation::reason)
        .containsExactly("alpine 3.10.2 is end of life");
    assertThat(engine.evaluate(strict, facts(List.of(), BULLSEYE), Suppressor.NONE).passed())
        .isTrue();
  }

  @Test
  void misconfigurationsAndSecretsHaveLimitsOfTheirOwnAndAreNotJudgedWhenNotScannedFor() {
    Policy strict = policy(conditions().maxMisconfigurations(0).maxSecrets(0));
    var withTwo = new ScanFacts(IMAGE, Map.of(), BULLSEYE, List.of(), null, 2, 0, SCANNED);
    var notScanned = new ScanFacts(IMAGE, Map.of(), BULLSEYE, List.of(), null, null, null, SCANNED);

    assertThat(engine.evaluate(strict, withTwo, Suppressor.NONE).violations())
        .extracting(RuleResult::rule, RuleResult.Violation::reason)
        .containsExactly(
            tuple("max-misconfigurations", "2 misconfigurations exceed the allowed 0"));
    assertThat(engine.evaluate(strict, notScanned, Suppressor.NONE).results())
        .filteredOn(RuleResult.NotEvaluated.class::isInstance)
        .extracting(RuleResult::rule)
        .containsExactly("max-misconfigurations", "max-secrets");
  }

  @Test
  void aSuppressedKnownExploitedFindingPassesButIsFlaggedInTheSuppressedList() {
    var exception =
        new Suppression(
            Suppression.EXCEPTION,
            "exc-1",
            "mitigated by the WAF",
            "security@acme.test",
            Instant.parse("2027-01-01T00:00:00Z"));
    Suppressor suppressor =
        (image, finding) ->
            finding.vulnerabilityId().equals(SPRING4SHELL.vulnerabilityId())
                ? Optional.of(exception)
                : Optional.empty();

    Evaluation evaluation =
        engine.evaluate(shippedDefault, facts(List.of(SPRING4SHELL), BULLSEYE), suppressor);

    assertThat(evaluation.passed()).isTrue();
    assertThat(evaluation.suppressed())
        .as("an exception is an explicit decision, but the verdict shows it hid a KEV finding")
        .containsExactly(new Evaluation.Suppressed(SPRING4SHELL, exception, true));
    assertThat(evaluation.allCounts().critical()).isEqualTo(1);
    assertThat(evaluation.countedCounts().critical()).isZero();
    assertThat(evaluation.knownExploited()).as("a suppressed finding is not counted").isEmpty();
  }

  @Test
  void aSuppressedFindingStoredBeforeTheFlagReadsAsNotKnownExploited() {
    String stored =
        """
        {"finding": {"vulnerabilityId": "CVE-2099-7", "packageName": "glibc"}}
        """;

    var read = EventJson.read(stored.getBytes(StandardCharsets.UTF_8), Evaluation.Suppressed.class);

    assertThat(read.knownExploited()).isFalse();
  }

  @Test
  void aSuppressedFindingOutsideTheCatalogueIsNotFlaggedKnownExploited() {
    var glibc = finding("CVE-2099-7", "glibc", Severity.CRITICAL);
    var vex = new Suppression(Suppression.VEX, "vex-1", "VEX not_affected", "ACME", null);

    Evaluation evaluation =
        engine.evaluate(
            shippedDefault, facts(List.of(glibc), BULLSEYE), (image, finding) -> Optional.of(vex));

    assertThat(evaluation.suppressed())
        .containsExactly(new Evaluation.Suppressed(glibc, vex, false));
  }

  @Test
  void aRegistrysCountsAreJudgedByTheCountRulesAndTheOthersAreNotEvaluated() {
    var counts =
        new ScanFacts(
            IMAGE,
            Map.of(),
            null,
            List.of(),
            new SeverityCounts(2, 5, 9, 4, 0),
            null,
            null,
            SCANNED);

    Evaluation evaluation =
        engine.evaluate(policy(conditions().failOnEndOfLifeOs(true)), counts, Suppressor.NONE);

    assertThat(evaluation.countsOnly()).isTrue();
    assertThat(evaluation.results())
        .extracting(RuleResult::rule)
        .containsExactly("max-critical", "max-high", "known-exploited", "supported-os");
    assertThat(evaluation.violations())
        .extracting(RuleResult.Violation::reason)
        .containsExactly("CRITICAL 2 exceeds the allowed 0", "HIGH 5 exceeds the allowed 1");
    assertThat(evaluation.results().get(2)).isInstanceOf(RuleResult.NotEvaluated.class);
  }

  @Test
  void aNegativeMaximumIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SeverityThresholdRule(Severity.HIGH, -1))
        .withMessageContaining("must not be negative");
  }

  private Evaluation evaluate(Policy policy, List<Finding> findings) {
    return engine.evaluate(policy, facts(findings, BULLSEYE), Suppressor.NONE);
  }

  private static ScanFacts facts(List<Finding> findings, OperatingSystem os) {
    return new ScanFacts(IMAGE, Map.of(), os, findings, null, null, null, SCANNED);
  }

  private static Policy policy(ConditionsBuilder conditions) {
    return new Policy("test", "a test policy", Selector.any(), conditions.build());
  }

  private static ConditionsBuilder conditions() {
    return new ConditionsBuilder();
  }

  private static Finding finding(String id, String packageName, Severity severity) {
    return new Finding(id, packageName, "1.0", "1.1", severity, null);
  }

  private static Finding withDetails(Finding finding, Finding.Details details) {
    return new Finding(
        finding.vulnerabilityId(),
        finding.packageName(),
        finding.installedVersion(),
        finding.fixedVersion(),
        finding.severity(),
        finding.title(),
        details);
  }

  private static Finding.Details details(
      String status, Double cvss, Instant publishedAt, String resultClass) {
    return new Finding.Details(
        null,
        status,
        cvss == null ? null : new CvssScore("nvd", cvss, null),
        publishedAt,
        null,
        null,
        resultClass,
        null,
        null);
  }

  /** The shipped default's limits with one more condition at a time. */
  private static final class ConditionsBuilder {
    private boolean fixableOnly;
    private Set<String> ignoreStatuses = Set.of();
    private PackageClass packageClass = PackageClass.ALL;
    private Double minCvss;
    private int ageGraceDays;
    private boolean failOnEndOfLifeOs;
    private Integer maxMisconfigurations;
    private Integer maxSecrets;

    ConditionsBuilder fixableOnly(boolean value) {
      fixableOnly = value;
      return this;
    }

    ConditionsBuilder ignoreStatuses(Set<String> value) {
      ignoreStatuses = value;
      return this;
    }

    ConditionsBuilder packageClass(PackageClass value) {
      packageClass = value;
      return this;
    }

    ConditionsBuilder minCvss(double value) {
      minCvss = value;
      return this;
    }

    ConditionsBuilder ageGraceDays(int value) {
      ageGraceDays = value;
      return this;
    }

    ConditionsBuilder failOnEndOfLifeOs(boolean value) {
      failOnEndOfLifeOs = value;
      return this;
    }

    ConditionsBuilder maxMisconfigurations(int value) {
      maxMisconfigurations = value;
      return this;
    }

    ConditionsBuilder maxSecrets(int value) {
      maxSecrets = value;
      return this;
    }

    Conditions build() {
      return new Conditions(
          Map.of(Severity.CRITICAL, 0, Severity.HIGH, 1),
          fixableOnly,
          ignoreStatuses,
          packageClass,
          minCvss,
          ageGraceDays,
          failOnEndOfLifeOs,
          maxMisconfigurations,
          maxSecrets,
          true);
    }
  }
}
