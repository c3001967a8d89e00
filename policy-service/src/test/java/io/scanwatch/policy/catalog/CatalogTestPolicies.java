package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Conditions;
import java.util.Map;

/** Conditions for tests. */
final class CatalogTestPolicies {

  private CatalogTestPolicies() {}

  static Conditions none() {
    return Conditions.maxFindings(Map.of());
  }
}
