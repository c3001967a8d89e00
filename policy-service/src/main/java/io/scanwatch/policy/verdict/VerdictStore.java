package io.scanwatch.policy.verdict;

import java.util.List;
import java.util.Optional;

/** Where verdicts are kept, one per report. */
public interface VerdictStore {

  /** Stores {@code verdict}, replacing an earlier verdict on the same report. */
  void save(Verdict verdict);

  /** The verdict on a report. */
  Optional<Verdict> verdictOn(String reportId);

  /**
   * Verdicts on a repository ({@code registry/repository}), newest first; of one tag when {@code
   * tag} is given.
   */
  List<Verdict> history(String repositoryKey, String tag, int limit);

  /** The newest verdict of each tag of a repository. */
  List<Verdict> latestPerTag(String repositoryKey);

  /** The newest verdict of every image known, for a policy dry run. */
  List<Verdict> latestOfEveryImage(int limit);
}
