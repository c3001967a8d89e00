package io.scanwatch.policy.evaluation;

import io.scanwatch.policy.rules.ScanFacts;

/** Keeps the latest scan of every image, whole, for a policy dry run to evaluate again. */
public interface ScanArchive {

  /** Keeps {@code facts} as the latest scan of its image, replacing the one before. */
  void keep(ScanFacts facts);
}
