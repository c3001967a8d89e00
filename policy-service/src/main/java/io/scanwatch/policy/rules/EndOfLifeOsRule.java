package io.scanwatch.policy.rules;

import io.scanwatch.contracts.OperatingSystem;
import java.util.List;
import java.util.function.Predicate;

/**
 * The image's operating system release must still be supported.
 *
 * @param endOfLife whether a release is end of life: the scanner's flag, or the distribution data
 */
public record EndOfLifeOsRule(Predicate<OperatingSystem> endOfLife) implements PolicyRule {

  public static final String NAME = "supported-os";

  @Override
  public RuleResult evaluate(CountedScan scan) {
    if (scan.countsOnly()) {
      return new RuleResult.NotEvaluated(NAME, "a registry's counts do not name the OS");
    }
    OperatingSystem os = scan.os();
    if (os == null || !endOfLife.test(os)) {
      return new RuleResult.Pass(NAME);
    }
    return new RuleResult.Violation(
        NAME, "%s %s is end of life".formatted(os.family(), os.name()), List.of());
  }
}
