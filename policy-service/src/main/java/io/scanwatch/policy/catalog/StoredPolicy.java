package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Policy;
import java.time.Instant;

/**
 * One version of a policy saved through the API.
 *
 * @param policy the policy the text describes
 * @param text the document as it was sent, YAML or JSON
 * @param version 1 for the first save, one more for each save after it
 * @param updatedAt when this version was saved
 * @param updatedBy who saved it
 */
public record StoredPolicy(
    Policy policy, String text, long version, Instant updatedAt, String updatedBy) {

  public String name() {
    return policy.name();
  }
}
