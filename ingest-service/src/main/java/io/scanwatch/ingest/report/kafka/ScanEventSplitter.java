package io.scanwatch.ingest.report.kafka;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ReportPart;
import io.scanwatch.contracts.ScanReported;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a report's event into parts that each fit in one Kafka record. Kafka refuses records over
 * its size limit (1 MiB by default) before compression, and a Trivy report can hold tens of
 * thousands of findings; so above {@code maxEventBytes} the findings are spread over as many {@link
 * ReportPart}s as needed, each a complete event with the same report id, image and summary.
 */
final class ScanEventSplitter {

  private final int maxEventBytes;

  ScanEventSplitter(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  /** The events to publish for {@code whole}, each with its JSON, in part order. */
  List<EncodedEvent> split(ScanReported whole) {
    byte[] json = EventJson.write(whole);
    if (json.length <= maxEventBytes) {
      return List.of(new EncodedEvent(whole, json));
    }
    int parts = (int) Math.ceil((double) json.length / maxEventBytes);
    while (true) {
      List<EncodedEvent> encoded = encodeInParts(whole, parts);
      if (encoded.stream().allMatch(event -> event.json().length <= maxEventBytes)) {
        return encoded;
      }
      if (parts >= whole.findings().size()) {
        throw new IllegalArgumentException(
            "a single finding of report "
                + whole.reportId()
                + " is larger than "
                + maxEventBytes
                + " bytes");
      }
      parts = Math.min(whole.findings().size(), parts * 2);
    }
  }

  private static List<EncodedEvent> encodeInParts(ScanReported whole, int parts) {
    List<Finding> findings = whole.findings();
    List<EncodedEvent> encoded = new ArrayList<>(parts);
    for (int index = 0; index < parts; index++) {
      int from = (int) ((long) findings.size() * index / parts);
      int to = (int) ((long) findings.size() * (index + 1) / parts);
      var part =
          new ScanReported(
              EventIds.derived(whole.receivedAt(), whole.reportId() + "/scan-reported/" + index),
              whole.occurredAt(),
              whole.correlationId(),
              whole.reportId(),
              whole.receivedAt(),
              whole.image(),
              whole.os(),
              findings.subList(from, to),
              whole.summary(),
              new ReportPart(index, parts),
              whole.labels());
      encoded.add(new EncodedEvent(part, EventJson.write(part)));
    }
    return encoded;
  }

  /** An event and its JSON, serialised once. */
  record EncodedEvent(ScanReported event, byte[] json) {}
}
