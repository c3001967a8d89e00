package io.scanwatch.ingest.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which events were published, so a webhook the registry delivers again publishes
 * nothing. A claim is atomic: of two identical deliveries arriving together, one wins.
 */
public interface RedeliveryLedger {

  /**
   * Claims {@code key} at {@code now}: {@code true} when it was not claimed within {@code window}
   * before {@code now}, {@code false} when this is a redelivery.
   */
  boolean claim(String key, Instant now, Duration window);

  /** Gives up a claim made at {@code claimedAt}, when publishing the event failed. */
  void release(String key, Instant claimedAt);
}
