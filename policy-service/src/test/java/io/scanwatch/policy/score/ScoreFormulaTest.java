package io.scanwatch.policy.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreFormulaTest {

  /** The shipped weights and bands, as application.yml sets them. */
  private final ScoreFormula shipped =
      new ScoreFormula(
          Map.of(
              Severity.CRITICAL, 6.0,
              Severity.HIGH, 4.0,
              Severity.MEDIUM, 1.0,
              Severity.LOW, 0.25,
              Severity.UNKNOWN, 0.5),
          Map.of("A+", 97, "A", 90, "B+", 80, "B", 75, "C", 65, "D", 50, "F", 0));

  @Test
  void theSeedsBullseyeImageWithFourCriticalAndSevenHighScores74AC() {
    Score score = shipped.score(new SeverityCounts(4, 7, 0, 0, 0));

    assertThat(score.value()).isEqualTo(74);
    assertThat(score.grade()).isEqualTo("C");
    assertThat(score.terms())
        .containsExactly(
            new Score.Term("CRITICAL", 4, 6.0, 13.93), new Score.Term("HIGH", 7, 4.0, 12.0));
    assertThat(score.formula()).isEqualTo("100 − Σ weight × log2(1 + count), clamped to 0..100");
  }

  @Test
  void itsBookwormRebuildWithNoCriticalAndOneHighScoresAnA() {
    Score score = shipped.score(new SeverityCounts(0, 1, 0, 0, 0));

    assertThat(score.value()).isEqualTo(96);
    assertThat(score.grade()).isEqualTo("A");
  }

  @Test
  void eightyIsABPlusAndNothingFoundIsAPerfectAPlus() {
    assertThat(shipped.grade(80)).isEqualTo("B+");
    assertThat(shipped.grade(79)).isEqualTo("B");
    assertThat(shipped.grade(74)).isEqualTo("C");
    Score clean = shipped.score(SeverityCounts.NONE);
    assertThat(clean.value()).isEqualTo(100);
    assertThat(clean.grade()).isEqualTo("A+");
    assertThat(clean.terms()).isEmpty();
  }

  @Test
  void oneCriticalCostsMoreThanAHundredLowsAndTheScoreNeverGoesBelowZero() {
    int oneCritical = shipped.score(new SeverityCounts(1, 0, 0, 0, 0)).value();
    int hundredLows = shipped.score(new SeverityCounts(0, 0, 0, 100, 0)).value();

    assertThat(oneCritical).isEqualTo(94);
    assertThat(hundredLows).isEqualTo(98);
    assertThat(shipped.score(new SeverityCounts(100_000, 100_000, 0, 0, 0)).value()).isZero();
    assertThat(shipped.score(new SeverityCounts(100_000, 100_000, 0, 0, 0)).grade()).isEqualTo("F");
  }

  @Test
  void bandsMustCoverZeroAndBeDistinctAndWeightsMustNotBeNegative() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ScoreFormula(Map.of(Severity.HIGH, 1.0), Map.of("A", 90)))
        .withMessageContaining("start at 0");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new ScoreFormula(Map.of(Severity.HIGH, 1.0), Map.of("A", 90, "B", 90, "F", 0)))
        .withMessageContaining("same score");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ScoreFormula(Map.of(Severity.HIGH, -1.0), Map.of("F", 0)))
        .withMessageContaining("negative");
  }
}
