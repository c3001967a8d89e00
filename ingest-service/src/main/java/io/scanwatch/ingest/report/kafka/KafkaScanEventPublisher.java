package io.scanwatch.ingest.report.kafka;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Topics;
import io.scanwatch.ingest.report.NormalizedReport;
import io.scanwatch.ingest.report.ScanEventPublisher;
import io.scanwatch.ingest.report.StoredReport;
import io.scanwatch.support.kafka.EventPublisher;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ScanReported} on {@link Topics#SCAN_REPORTS}, keyed by the image's repository so
 * one repository's scans, and every part of a large one, are read in the order they arrived.
 */
@Component
class KafkaScanEventPublisher implements ScanEventPublisher {

  private final EventPublisher events;
  private final ScanEventSplitter splitter;
  private final Clock clock;

  KafkaScanEventPublisher(EventPublisher events, ScanEventProperties properties, Clock clock) {
    this.events = events;
    this.splitter = new ScanEventSplitter((int) properties.maxEventSize().toBytes());
    this.clock = clock;
  }

  @Override
  public void publish(StoredReport stored, NormalizedReport report) {
    var event =
        new ScanReported(
            EventIds.derived(stored.receivedAt(), stored.id() + "/scan-reported"),
            clock.instant(),
            stored.correlationId(),
            stored.id(),
            stored.receivedAt(),
            report.image(),
            report.os(),
            report.findings(),
            report.summary(),
            null,
            report.labels());
    events.publishEncoded(
        Topics.SCAN_REPORTS,
        report.image().repositoryKey(),
        stored.correlationId(),
        splitter.split(event).stream().map(ScanEventSplitter.EncodedEvent::json).toList());
  }
}
