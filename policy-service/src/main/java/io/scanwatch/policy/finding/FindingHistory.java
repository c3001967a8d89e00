package io.scanwatch.policy.finding;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** When each finding was first seen on a repository; the clock that deadlines run from. */
public interface FindingHistory {

  /**
   * Records that the findings {@code keys} were seen on {@code repositoryKey} at {@code seenAt},
   * keeping any earlier first sighting, and returns each one's first-seen time. Recording the same
   * sighting twice changes nothing.
   */
  Map<FindingKey, Instant> recordSeen(
      String repositoryKey, Collection<FindingKey> keys, Instant seenAt);

  /** The first sightings recorded for {@code keys}; keys never seen are absent. Changes nothing. */
  Map<FindingKey, Instant> firstSeen(String repositoryKey, Collection<FindingKey> keys);
}
