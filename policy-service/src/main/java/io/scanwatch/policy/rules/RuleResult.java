package io.scanwatch.policy.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.scanwatch.contracts.Finding;
import java.util.List;

/** The result of one policy rule on one scan; in JSON its {@code outcome} names the case. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RuleResult.Pass.class, name = "pass"),
  @JsonSubTypes.Type(value = RuleResult.Violation.class, name = "violation"),
  @JsonSubTypes.Type(value = RuleResult.NotEvaluated.class, name = "not-evaluated")
})
public sealed interface RuleResult {

  /** The rule's name, e.g. {@code max-critical}. */
  String rule();

  /** The scan satisfies the rule. */
  record Pass(String rule) implements RuleResult {}

  /**
   * The scan breaks the rule.
   *
   * @param reason why, in words a person reads in an alert
   * @param findings the findings that broke it; empty when only counts are known
   */
  record Violation(String rule, String reason, List<Finding> findings) implements RuleResult {

    public Violation {
      findings = List.copyOf(findings);
    }
  }

  /**
   * The rule could not be judged on this scan (a registry's counts say nothing of misconfigurations
   * or of the operating system), so it neither passes nor fails it.
   *
   * @param reason why not
   */
  record NotEvaluated(String rule, String reason) implements RuleResult {}
}
