package io.scanwatch.policy.finding;

import io.scanwatch.contracts.Finding;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** When each finding was first seen on a repository; the clock that deadlines run from. */
public interface FindingHistory {

  /**
   * Records that {@code findings} were seen on {@code repositoryKey} at {@code seenAt}, keeping any
   * earlier first sighting, and returns each finding's first-seen time. Recording the same sighting
   * twice changes nothing.
   */
  Map<FindingKey, Instant> recordSeen(
      String repositoryKey, Collection<Finding> findings, Instant seenAt);
}
