package io.scanwatch.policy.finding;

import java.util.Set;

/**
 * The findings of the latest scan of each repository and tag, and those fixed before, to tell a
 * scan what is new, still open, fixed and reopened.
 */
public interface TagFindings {

  /**
   * Compares {@code findings} with the previous scan of {@code imageKey} ({@code
   * registry/repository:tag}) and records them as its latest. The same report again gives the same
   * diff and changes nothing.
   */
  FindingDiff record(String imageKey, String reportId, Set<FindingKey> findings);

  /** The diff {@link #record} would give, changing nothing. */
  FindingDiff preview(String imageKey, Set<FindingKey> findings);
}
