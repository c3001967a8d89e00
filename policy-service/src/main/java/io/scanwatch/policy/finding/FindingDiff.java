package io.scanwatch.policy.finding;

import io.scanwatch.contracts.FindingChanges;
import java.util.List;

/**
 * How a scan's findings compare with the previous scan of the same repository and tag, with up to
 * {@link #SAMPLE} examples of each kind.
 *
 * @param changes how many of each kind
 * @param added examples of findings that are new
 * @param fixed examples of findings that are gone
 * @param reopened examples of findings fixed before that are back
 */
public record FindingDiff(
    FindingChanges changes,
    List<FindingKey> added,
    List<FindingKey> fixed,
    List<FindingKey> reopened) {

  /** The most examples of each kind a diff keeps. */
  public static final int SAMPLE = 50;

  public FindingDiff {
    added = List.copyOf(added);
    fixed = List.copyOf(fixed);
    reopened = List.copyOf(reopened);
  }
}
