package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import java.util.List;

/** One condition a scan must meet. */
public interface PolicyRule {

  /**
   * @param findings the scan's unique findings (one per vulnerability, package and version)
   */
  RuleResult evaluate(List<Finding> findings);
}
