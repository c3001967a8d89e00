package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Severity;
import java.util.Locale;

/**
 * At most {@code max} counted findings of {@code severity}: "CRITICAL must be 0" is {@code
 * (CRITICAL, 0)}, "HIGH fewer than 2" is {@code (HIGH, 1)}. Judges a registry's counts too.
 */
public record SeverityThresholdRule(Severity severity, int max) implements PolicyRule {

  public SeverityThresholdRule {
    if (max < 0) {
      throw new IllegalArgumentException("the maximum for " + severity + " must not be negative");
    }
  }

  public String name() {
    return "max-" + severity.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public RuleResult evaluate(CountedScan scan) {
    int count = scan.counts().of(severity);
    if (count <= max) {
      return new RuleResult.Pass(name());
    }
    return new RuleResult.Violation(
        name(),
        "%s %d exceeds the allowed %d".formatted(severity, count, max),
        scan.findings().stream().filter(f -> f.severity() == severity).toList());
  }
}
