package io.scanwatch.policy.finding;

import io.scanwatch.contracts.Finding;

/**
 * What makes a finding the same across scans of one repository: the vulnerability and the package,
 * not the version, so a package bump that still carries the vulnerability keeps its history.
 */
public record FindingKey(String vulnerabilityId, String packageName) {

  public static FindingKey of(Finding finding) {
    return new FindingKey(finding.vulnerabilityId(), finding.packageName());
  }
}
