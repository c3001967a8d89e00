package io.scanwatch.ingest.webhook;

import java.time.Instant;
import java.util.List;

/**
 * Keeps every delivery that was read into events or ignored, as received, with what became of it.
 * Deliveries answered with an error are not kept: the registry shows them, and nothing came of
 * them.
 */
public interface WebhookDeliveryLog {

  /**
   * @param outcome {@code accepted}, {@code duplicate} or {@code ignored}
   * @param eventIds the ids of the events published from it
   */
  record Entry(
      String correlationId,
      String provider,
      String source,
      Instant receivedAt,
      byte[] raw,
      String outcome,
      List<String> eventIds) {}

  void record(Entry entry);
}
