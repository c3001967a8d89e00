package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Policy;

/**
 * A policy in force and where it comes from.
 *
 * @param policy the policy
 * @param source the shipped default, a file, or the API
 * @param version the API's version number; {@code null} for the default and file policies
 * @param file the file it is read from, relative to the policies path; {@code null} unless from a
 *     file
 * @param shadowedApiVersion for a file policy, the version of the API-saved policy of the same name
 *     it hides (the file's wins); {@code null} when it hides none
 */
public record CatalogEntry(
    Policy policy, PolicySource source, Long version, String file, Long shadowedApiVersion) {

  /** An entry that hides no API-saved policy. */
  public CatalogEntry(Policy policy, PolicySource source, Long version, String file) {
    this(policy, source, version, file, null);
  }

  public String name() {
    return policy.name();
  }
}
