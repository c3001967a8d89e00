package io.scanwatch.policy.rules;

import io.scanwatch.contracts.ImageReference;
import java.util.Map;

/** Picks the policy in force for an image. */
@FunctionalInterface
public interface PolicySelector {

  /** The most specific policy selecting the image and its labels, else the default. */
  Policy select(ImageReference image, Map<String, String> labels);
}
