package io.scanwatch.policy.score;

import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Scores an image from its counted findings: {@code 100 − Σ weight(severity) × log2(1 +
 * count(severity))}, clamped to 0..100 and rounded. The logarithm makes the first findings of a
 * severity cost the most: the tenth CRITICAL matters less than the first, and one CRITICAL always
 * costs more than many LOWs. With the default weights (CRITICAL 6, HIGH 4, MEDIUM 1, LOW 0.25,
 * UNKNOWN 0.5) the seed's image with 4 CRITICAL and 7 HIGH scores 74, a C, and its rebuild with
 * none and one HIGH scores 96.
 *
 * @param weights weight per severity; a severity not named weighs nothing
 * @param grades the lowest score of each grade, e.g. {@code A+ 97, A 90, B+ 80, B 75, C 65, D 50, F
 *     0}
 */
public record ScoreFormula(Map<Severity, Double> weights, Map<String, Integer> grades) {

  public static final String FORMULA = "100 − Σ weight × log2(1 + count), clamped to 0..100";

  public ScoreFormula {
    weights = Map.copyOf(weights);
    grades = Map.copyOf(grades);
    if (grades.values().stream().noneMatch(min -> min <= 0)) {
      throw new IllegalArgumentException("one grade must start at 0, so every score has a grade");
    }
    if (grades.values().stream().distinct().count() != grades.size()) {
      throw new IllegalArgumentException("two grades start at the same score");
    }
    if (weights.values().stream().anyMatch(weight -> weight < 0)) {
      throw new IllegalArgumentException("weights must not be negative");
    }
  }

  /** The score of an image with these counted findings. */
  public Score score(SeverityCounts counts) {
    List<Score.Term> terms = new ArrayList<>();
    double penalty = 0;
    for (Severity severity : Severity.values()) {
      double weight = weights.getOrDefault(severity, 0.0);
      int count = counts.of(severity);
      double term = weight * Math.log1p(count) / Math.log(2);
      penalty += term;
      if (count > 0) {
        terms.add(new Score.Term(severity.name(), count, weight, round2(term)));
      }
    }
    int value = (int) Math.round(Math.max(0, Math.min(100, 100 - penalty)));
    return new Score(value, grade(value), terms, FORMULA);
  }

  /** The grade a score falls in. */
  public String grade(int value) {
    NavigableMap<Integer, String> byMinimum = new TreeMap<>();
    grades.forEach((grade, min) -> byMinimum.put(min, grade));
    return byMinimum.floorEntry(value).getValue();
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
