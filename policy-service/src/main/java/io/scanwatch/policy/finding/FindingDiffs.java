package io.scanwatch.policy.finding;

import io.scanwatch.contracts.FindingChanges;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The diff arithmetic, kept apart from where the sets are stored. */
public final class FindingDiffs {

  private FindingDiffs() {}

  /**
   * @param open the findings of the previous scan
   * @param everFixed findings fixed in an earlier scan and not seen since
   * @param current the findings of this scan
   */
  public static FindingDiff diff(
      Set<FindingKey> open, Set<FindingKey> everFixed, Set<FindingKey> current) {
    List<FindingKey> added =
        current.stream().filter(k -> !open.contains(k) && !everFixed.contains(k)).toList();
    List<FindingKey> reopened =
        current.stream().filter(k -> !open.contains(k) && everFixed.contains(k)).toList();
    List<FindingKey> fixed = open.stream().filter(k -> !current.contains(k)).toList();
    int stillOpen = (int) current.stream().filter(open::contains).count();
    return new FindingDiff(
        new FindingChanges(added.size(), stillOpen, fixed.size(), reopened.size()),
        sample(added.stream()),
        fixed,
        sample(reopened.stream()),
        true);
  }

  /** What stays fixed after this scan: fixed before and not back, plus what it fixed. */
  public static Set<FindingKey> fixedAfter(
      Set<FindingKey> open, Set<FindingKey> everFixed, Set<FindingKey> current) {
    Set<FindingKey> fixed = new HashSet<>(everFixed);
    fixed.removeAll(current);
    open.stream().filter(k -> !current.contains(k)).forEach(fixed::add);
    return fixed;
  }

  /** At most {@link FindingDiff#SAMPLE} of {@code keys}, in a stable order. */
  public static List<FindingKey> sample(Stream<FindingKey> keys) {
    return keys.sorted(
            Comparator.comparing(FindingKey::vulnerabilityId)
                .thenComparing(FindingKey::packageName))
        .limit(FindingDiff.SAMPLE)
        .toList();
  }
}
