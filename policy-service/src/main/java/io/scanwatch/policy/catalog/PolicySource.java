package io.scanwatch.policy.catalog;

import java.util.Locale;

/** Where a policy in force comes from. */
public enum PolicySource {
  /** The shipped default, from {@code scanwatch.policy.max-findings}. */
  DEFAULT,
  /** A YAML file under {@code scanwatch.policy.policies-path}. */
  FILE,
  /** Saved through the API, with a version history. */
  API;

  /** As the API writes it: {@code default}, {@code file}, {@code api}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
