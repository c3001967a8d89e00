package io.scanwatch.policy.rules;

import java.util.List;

/**
 * At most {@code max} of something a scan counts besides vulnerabilities: misconfigurations or
 * secrets.
 *
 * @param name {@code max-misconfigurations} or {@code max-secrets}
 * @param what the plural noun, e.g. {@code misconfigurations}
 * @param max the most allowed
 * @param misconfigurations judge the misconfigurations, else the secrets
 */
public record ScanThresholdRule(String name, String what, int max, boolean misconfigurations)
    implements PolicyRule {

  public static ScanThresholdRule misconfigurations(int max) {
    return new ScanThresholdRule("max-misconfigurations", "misconfigurations", max, true);
  }

  public static ScanThresholdRule secrets(int max) {
    return new ScanThresholdRule("max-secrets", "secrets", max, false);
  }

  @Override
  public RuleResult evaluate(CountedScan scan) {
    Integer count = misconfigurations ? scan.misconfigurations() : scan.secrets();
    if (count == null) {
      return new RuleResult.NotEvaluated(name, "the scan did not look for " + what);
    }
    if (count <= max) {
      return new RuleResult.Pass(name);
    }
    return new RuleResult.Violation(
        name, "%d %s exceed the allowed %d".formatted(count, what, max), List.of());
  }
}
