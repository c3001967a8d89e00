package io.scanwatch.policy.rules;

/** One condition a scan must meet. */
public interface PolicyRule {

  RuleResult evaluate(CountedScan scan);
}
