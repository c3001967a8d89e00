package io.scanwatch.policy.coverage;

import java.time.Instant;
import java.util.List;

/**
 * Pushed images and whether they were scanned. Every change is one single-document update, so
 * redelivered events change nothing and no transaction is needed.
 */
public interface PendingScans {

  /**
   * Records a push; an image already scanned (a scan can overtake its push) or already waiting
   * keeps what it has.
   */
  void pushed(PendingScan pending);

  /**
   * Records that the image was scanned: by digest when known, and by tag for images whose registry
   * sends no digest. Returns those whose not-scanned alert had fired, now to be resolved.
   */
  List<PendingScan> scanned(
      String registry, String repository, String digest, List<String> tags, Instant at);

  /** Forgets a deleted image; returns it when its alert had fired. */
  List<PendingScan> deleted(String registry, String repository, String digest, List<String> tags);

  /** Images due before {@code now}, not scanned and not yet alerted. */
  List<PendingScan> overdue(Instant now, int limit);

  /** Marks the alert of {@code id} fired; {@code false} when another instance did first. */
  boolean claimAlert(String id);

  /** Takes back a claim whose alert could not be published. */
  void releaseAlert(String id);

  /** How many images are past their window and still not scanned. */
  int notScannedInTime();
}
