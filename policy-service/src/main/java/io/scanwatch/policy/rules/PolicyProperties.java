package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Severity;
import jakarta.validation.constraints.NotEmpty;
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

  /** The policy these properties describe: limits on counts, everything else left open. */
  public Policy defaultPolicy() {
    return new Policy(
        Policy.DEFAULT,
        "The shipped default: CRITICAL must be 0, HIGH fewer than 2 (unless configured otherwise)",
        Selector.any(),
        Conditions.maxFindings(maxFindings));
  }
}
