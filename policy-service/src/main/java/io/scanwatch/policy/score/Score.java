package io.scanwatch.policy.score;

import java.util.List;

/**
 * An image's security score and grade, with how they were reached.
 *
 * @param value 0 to 100, 100 for no counted finding
 * @param grade the letter the value falls in
 * @param terms what each severity took off, in the order computed
 * @param formula the formula in words, e.g. {@code 100 − Σ weight × log2(1 + count)}
 */
public record Score(int value, String grade, List<Term> terms, String formula) {

  public Score {
    terms = List.copyOf(terms);
  }

  /**
   * One severity's part of the score.
   *
   * @param severity e.g. {@code CRITICAL}
   * @param count counted findings of it
   * @param weight its weight
   * @param penalty what it took off, {@code weight × log2(1 + count)}
   */
  public record Term(String severity, int count, double weight, double penalty) {}
}
