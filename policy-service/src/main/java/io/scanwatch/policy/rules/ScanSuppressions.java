package io.scanwatch.policy.rules;

import io.scanwatch.contracts.ImageReference;

/** The exceptions and VEX statements in force for an image, loaded once per scan. */
@FunctionalInterface
public interface ScanSuppressions {

  /** Suppresses nothing. */
  ScanSuppressions NONE = image -> Suppressor.NONE;

  Suppressor forScan(ImageReference image);
}
