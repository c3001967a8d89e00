package io.scanwatch.policy.rules;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.SeverityCounts;
import java.util.List;

/**
 * What a policy's rules judge: the findings that count after the policy's filters and the
 * suppressions, or a registry's counts.
 *
 * @param findings the counted findings; empty for counts only
 * @param counts the counted findings per severity
 * @param os the operating system, or {@code null}
 * @param misconfigurations or {@code null} when not scanned for
 * @param secrets or {@code null} when not scanned for
 * @param knownExploited counted findings in the known-exploited catalogue
 * @param countsOnly whether only a registry's counts are known
 */
public record CountedScan(
    List<Finding> findings,
    SeverityCounts counts,
    OperatingSystem os,
    Integer misconfigurations,
    Integer secrets,
    List<Finding> knownExploited,
    boolean countsOnly) {

  public CountedScan {
    findings = List.copyOf(findings);
    knownExploited = List.copyOf(knownExploited);
  }
}
