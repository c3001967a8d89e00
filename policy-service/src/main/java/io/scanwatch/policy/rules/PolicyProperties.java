package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Severity;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The default policy: the most findings allowed per severity ({@code
 * scanwatch.policy.max-findings.CRITICAL=0}); severities not named are unlimited.
 */
@Validated
@ConfigurationProperties("scanwatch.policy")
public record PolicyProperties(@NotEmpty Map<Severity, Integer> maxFindings) {

  /** The policy these properties describe, its rules ordered from the most severe. */
  public Policy defaultPolicy() {
    List<PolicyRule> rules = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      Integer max = maxFindings.get(severity);
      if (max != null) {
        rules.add(new SeverityThresholdRule(severity, max));
      }
    }
    return new Policy("default", rules);
  }
}
