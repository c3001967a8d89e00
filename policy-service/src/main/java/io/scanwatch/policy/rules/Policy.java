package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of rules; a scan passes when every rule passes. Rules see each finding once, however
 * many targets of the report listed it.
 */
public record Policy(String name, List<PolicyRule> rules) {

  public Policy {
    rules = List.copyOf(rules);
  }

  /** Every rule's result on {@code findings}, in rule order. */
  public List<RuleResult> evaluate(List<Finding> findings) {
    List<Finding> unique = unique(findings);
    List<RuleResult> results = new ArrayList<>(rules.size());
    for (PolicyRule rule : rules) {
      results.add(rule.evaluate(unique));
    }
    return results;
  }

  /** One finding per vulnerability id, package and installed version; the first one wins. */
  public static List<Finding> unique(List<Finding> findings) {
    Map<List<String>, Finding> byIdentity = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byIdentity.putIfAbsent(
          List.of(
              finding.vulnerabilityId(),
              finding.packageName(),
              String.valueOf(finding.installedVersion())),
          finding);
    }
    return List.copyOf(byIdentity.values());
  }
}
