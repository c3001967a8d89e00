package io.scanwatch.policy.score;

import io.scanwatch.contracts.Severity;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The score's weights and grade bands ({@code scanwatch.policy.score}); see {@link ScoreFormula}.
 */
@Validated
@ConfigurationProperties("scanwatch.policy.score")
public record ScoreProperties(
    @NotEmpty Map<Severity, Double> weights, @NotEmpty Map<String, Integer> grades) {

  public ScoreFormula formula() {
    return new ScoreFormula(weights, grades);
  }
}
