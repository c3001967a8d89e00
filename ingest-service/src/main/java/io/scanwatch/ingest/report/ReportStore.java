package io.scanwatch.ingest.report;

import java.time.Instant;
import java.util.Optional;

/** Where reports and their original bytes are kept. */
public interface ReportStore {

  /**
   * Stores {@code report} with its original bytes, its publication claimed by the caller until
   * {@code claimUntil} (see {@link #claimPublication}), unless a report with the same {@link
   * StoredReport#fingerprint()} exists, atomically; returns the report stored afterwards, which is
   * the earlier one when there was one, and then the caller holds no claim.
   */
  StoredReport insertIfAbsent(StoredReport report, byte[] raw, Instant claimUntil);

  /**
   * Claims the publication of an unpublished report until {@code until}, atomically: of concurrent
   * requests with the same report, one gets the claim and publishes, the others answer "duplicate".
   * A claim that has expired (its holder died or gave up) can be taken again.
   *
   * @return whether this caller holds the claim
   */
  boolean claimPublication(String id, Instant now, Instant until);

  /** Gives a claim up after a failed publication, so a retry can take it at once. */
  void releasePublication(String id);

  /** Records that the report's event reached Kafka. */
  void markPublished(String id);

  Optional<StoredReport> findById(String id);

  /** The original bytes of a report, as posted. */
  Optional<byte[]> findRaw(String id);
}
