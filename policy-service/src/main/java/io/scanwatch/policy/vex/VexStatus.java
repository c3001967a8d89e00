package io.scanwatch.policy.vex;

import java.util.Optional;

/** The status a VEX statement gives a product for a vulnerability, as OpenVEX spells it. */
public enum VexStatus {
  NOT_AFFECTED("not_affected"),
  AFFECTED("affected"),
  FIXED("fixed"),
  UNDER_INVESTIGATION("under_investigation");

  private final String wireName;

  VexStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The name in an OpenVEX document, e.g. {@code not_affected}. */
  public String wireName() {
    return wireName;
  }

  /** The status an OpenVEX document names, matched exactly as the spec spells it. */
  public static Optional<VexStatus> fromWireName(String name) {
    for (VexStatus status : values()) {
      if (status.wireName.equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
