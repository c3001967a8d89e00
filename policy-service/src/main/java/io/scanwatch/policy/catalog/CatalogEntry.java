package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Policy;

/**
 * A policy in force and where it comes from.
 *
 * @param policy the policy
 * @param source the shipped default, a file, or the API
 * @param version the API's version number; {@code null} for the default and file policies
 * @param file the file it is read from; {@code null} unless from a file
 */
public record CatalogEntry(Policy policy, PolicySource source, Long version, String file) {

  public String name() {
    return policy.name();
  }
}
