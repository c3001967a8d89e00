package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.score.ScoreFormula;
import java.util.Map;

/** What evaluation tests share: the shipped score formula, as application.yml sets it. */
final class Evaluations {

  static final ScoreFormula SHIPPED_SCORE =
      new ScoreFormula(
          Map.of(
              Severity.CRITICAL, 6.0,
              Severity.HIGH, 4.0,
              Severity.MEDIUM, 1.0,
              Severity.LOW, 0.25,
              Severity.UNKNOWN, 0.5),
          Map.of("A+", 97, "A", 90, "B+", 80, "B", 75, "C", 65, "D", 50, "F", 0));

  private Evaluations() {}
}
