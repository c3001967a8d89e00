package io.scanwatch.policy.vex;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One OpenVEX statement: the status of some products for one vulnerability.
 *
 * @param vulnerabilityId the vulnerability's name, e.g. {@code CVE-2023-1255}
 * @param aliases other ids of the same vulnerability, e.g. a GHSA id
 * @param products the products it speaks of: package URLs ({@code pkg:oci/web@sha256%3A…}) or image
 *     references; empty for any image in the scope the document was uploaded for
 * @param subcomponents package URLs of the components within the products it speaks of; empty for
 *     the products as a whole
 * @param status the status
 * @param justification why a product is not affected (an OpenVEX justification label), or {@code
 *     null}
 * @param impactStatement the author's explanation of the impact, or {@code null}
 * @param timestamp when the statement was made (the document's timestamp when the statement has
 *     none), or {@code null}
 */
public record VexStatement(
    String vulnerabilityId,
    List<String> aliases,
    List<String> products,
    List<String> subcomponents,
    VexStatus status,
    String justification,
    String impactStatement,
    Instant timestamp) {

  public VexStatement {
    Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    Objects.requireNonNull(status, "status");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    products = products == null ? List.of() : List.copyOf(products);
    subcomponents = subcomponents == null ? List.of() : List.copyOf(subcomponents);
  }

  /** Whether the statement takes the vulnerability off the products: not affected, or fixed. */
  public boolean suppresses() {
    return status == VexStatus.NOT_AFFECTED || status == VexStatus.FIXED;
  }

  /** Whether the statement is about this vulnerability, by its name or one of its aliases. */
  boolean concerns(String vulnerabilityId) {
    return this.vulnerabilityId.equalsIgnoreCase(vulnerabilityId)
        || aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(vulnerabilityId));
  }
}
