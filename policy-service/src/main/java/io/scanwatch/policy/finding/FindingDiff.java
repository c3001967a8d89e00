package io.scanwatch.policy.finding;

import io.scanwatch.contracts.FindingChanges;
import java.util.List;

/**
 * How a scan's findings compare with the previous scan of the same repository and tag, with up to
 * {@link #SAMPLE} examples of the new and the reopened ones.
 *
 * @param changes how many of each kind
 * @param added examples of findings that are new
 * @param fixed the findings that are gone; all of them the first time the scan is compared, up to
 *     {@link #SAMPLE} when a redelivered scan is answered from the record
 * @param reopened examples of findings fixed before that are back
 * @param firstTime whether this is the first comparison of this scan, not a redelivery's
 */
public record FindingDiff(
    FindingChanges changes,
    List<FindingKey> added,
    List<FindingKey> fixed,
    List<FindingKey> reopened,
    boolean firstTime) {

  /** The most examples of each kind a diff keeps. */
  public static final int SAMPLE = 50;

  public FindingDiff {
    added = List.copyOf(added);
    fixed = List.copyOf(fixed);
    reopened = List.copyOf(reopened);
  }
}
