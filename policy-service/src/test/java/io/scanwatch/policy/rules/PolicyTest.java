package io.scanwatch.policy.rules;

import static io.scanwatch.policy.Scans.ALPINE310;
import static io.scanwatch.policy.Scans.SPRING4SHELL;
import static io.scanwatch.policy.Scans.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

  private final Policy shippedDefault =
      new PolicyProperties(Map.of(Severity.CRITICAL, 0, Severity.HIGH, 1)).defaultPolicy();

  @Test
  void theShippedDefaultIsCriticalAtMostZeroThenHighAtMostOne() {
    assertThat(shippedDefault.rules())
        .containsExactly(
            new SeverityThresholdRule(Severity.CRITICAL, 0),
            new SeverityThresholdRule(Severity.HIGH, 1));
  }

  @Test
  void oneCriticalFindingBreaksMaxCriticalAndNamesTheFinding() {
    List<RuleResult> results = shippedDefault.evaluate(List.of(SPRING4SHELL));

    assertThat(results)
        .containsExactly(
            new RuleResult.Violation(
                "max-critical", "CRITICAL 1 exceeds the allowed 0", List.of(SPRING4SHELL)),
            new RuleResult.Pass("max-high"));
  }

  @Test
  void fourMediumFindingsPass() {
    assertThat(shippedDefault.evaluate(ALPINE310)).allMatch(RuleResult.Pass.class::isInstance);
  }

  @Test
  void oneHighPassesAndTwoHighFail() {
    Finding first = finding("CVE-2099-0001", "openssl", Severity.HIGH);
    Finding second = finding("CVE-2099-0002", "zlib", Severity.HIGH);

    assertThat(shippedDefault.evaluate(List.of(first))).allMatch(RuleResult.Pass.class::isInstance);
    assertThat(shippedDefault.evaluate(List.of(first, second)))
        .contains(
            new RuleResult.Violation(
                "max-high", "HIGH 2 exceeds the allowed 1", List.of(first, second)));
  }

  @Test
  void theSameFindingListedUnderTwoTargetsCountsOnce() {
    Finding inImage = finding("CVE-2099-0001", "openssl", Severity.HIGH);
    Finding sameInLockfile = finding("CVE-2099-0001", "openssl", Severity.HIGH);

    assertThat(shippedDefault.evaluate(List.of(inImage, sameInLockfile)))
        .allMatch(RuleResult.Pass.class::isInstance);
  }

  @Test
  void aLowRatedFindingNeverTripsAHighThreshold() {
    Finding lowByVendor = finding("CVE-2099-0003", "libx", Severity.LOW);
    Finding alsoLow = finding("CVE-2099-0004", "liby", Severity.LOW);

    assertThat(shippedDefault.evaluate(List.of(lowByVendor, alsoLow)))
        .allMatch(RuleResult.Pass.class::isInstance);
  }

  @Test
  void aNegativeMaximumIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SeverityThresholdRule(Severity.HIGH, -1));
  }
}
