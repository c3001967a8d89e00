package io.scanwatch.contracts;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Number of findings per severity. */
public record SeverityCounts(int critical, int high, int medium, int low, int unknown) {

  public static final SeverityCounts NONE = new SeverityCounts(0, 0, 0, 0, 0);

  /**
   * Counts unique findings: entries with the same vulnerability id, package and installed version
   * (the same package reported under two targets, say) count once, at the first severity seen.
   */
  public static SeverityCounts uniqueOf(Collection<Finding> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    Set<String> seen = new HashSet<>();
    for (Finding finding : findings) {
      String identity =
          finding.vulnerabilityId()
              + '\u0000'
              + finding.packageName()
              + '\u0000'
              + finding.installedVersion();
      if (seen.add(identity)) {
        counts.merge(finding.severity(), 1, Integer::sum);
      }
    }
    return new SeverityCounts(
        counts.getOrDefault(Severity.CRITICAL, 0),
        counts.getOrDefault(Severity.HIGH, 0),
        counts.getOrDefault(Severity.MEDIUM, 0),
        counts.getOrDefault(Severity.LOW, 0),
        counts.getOrDefault(Severity.UNKNOWN, 0));
  }

  /** The count for one severity. */
  public int of(Severity severity) {
    return switch (severity) {
      case CRITICAL -> critical;
      case HIGH -> high;
      case MEDIUM -> medium;
      case LOW -> low;
      case UNKNOWN -> unknown;
    };
  }

  public int total() {
    return critical + high + medium + low + unknown;
  }
}
