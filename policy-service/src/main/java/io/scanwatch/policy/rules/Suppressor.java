package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import java.util.Optional;

/** Decides whether a finding of an image is suppressed, and by what. */
@FunctionalInterface
public interface Suppressor {

  /** Suppresses nothing. */
  Suppressor NONE = (image, finding) -> Optional.empty();

  Optional<Suppression> suppression(ImageReference image, Finding finding);
}
