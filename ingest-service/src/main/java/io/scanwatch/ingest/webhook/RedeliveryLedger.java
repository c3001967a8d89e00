package io.scanwatch.ingest.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Remembers which events were published, and under which id, so a webhook the registry delivers
 * again publishes nothing and is answered with the id of the event that was published. A claim is
 * atomic: of two identical deliveries arriving together, one wins.
 */
public interface RedeliveryLedger {

  /** What a claim found. */
  sealed interface Claim {}

  /** The key was free: the event is new, and {@code eventId} now holds the key. */
  record Claimed() implements Claim {}

  /**
   * The key was claimed within the window: a redelivery.
   *
   * @param originalEventId the id of the event that claimed it, or {@code null} when the claim
   *     predates ids being recorded
   */
  record AlreadyClaimed(UUID originalEventId) implements Claim {}

  /**
   * Claims {@code key} at {@code now} for the event {@code eventId}: {@link Claimed} when it was
   * not claimed within {@code window} before {@code now}, else {@link AlreadyClaimed} with the id
   * of the event that did.
   */
  Claim claim(String key, Instant now, Duration window, UUID eventId);

  /** Gives up a claim made at {@code claimedAt}, when publishing the event failed. */
  void release(String key, Instant claimedAt);
}
