package io.scanwatch.ingest.report;

/** Hands a report's event to the message broker, returning once the broker has it. */
public interface ScanEventPublisher {

  /**
   * Publishes the event for {@code stored}, whose content is {@code report}. Publishing the same
   * stored report twice yields two records with one event id, which consumers drop.
   */
  void publish(StoredReport stored, NormalizedReport report);
}
