package io.scanwatch.policy.rules;

/** Which findings a policy counts by where the package comes from. */
public enum PackageClass {
  /** Every finding. */
  ALL,
  /** Only the operating system's packages (Trivy's {@code os-pkgs} results). */
  OS,
  /** Only language packages (Trivy's {@code lang-pkgs} results: jars, npm, pip, gems, …). */
  LANGUAGE
}
