package io.scanwatch.policy.verdict;

/** Where verdicts are kept, one per report. */
public interface VerdictStore {

  /** Stores {@code verdict}, replacing an earlier verdict on the same report. */
  void save(Verdict verdict);
}
