package io.scanwatch.ingest.report.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.EventJson;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.ReportPart;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScanEventSplitterTest {

  private static final int MAX_EVENT_BYTES = 512 * 1024;
  private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");

  private final ScanEventSplitter splitter = new ScanEventSplitter(MAX_EVENT_BYTES);

  @Test
  void aReportThatFitsTravelsWholeAsItIs() {
    ScanReported report = report(100);

    List<ScanEventSplitter.EncodedEvent> events = splitter.split(report);

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.event()).isEqualTo(report);
              assertThat(event.event().whole()).isTrue();
            });
  }

  @Test
  void fiftyThousandFindingsTravelInPartsThatEachFitAndTogetherHoldEveryFindingInOrder() {
    ScanReported report = report(50_000);

    List<ScanEventSplitter.EncodedEvent> events = splitter.split(report);

    assertThat(events).hasSizeGreaterThan(1);
    assertThat(events)
        .allSatisfy(event -> assertThat(event.json()).hasSizeLessThanOrEqualTo(MAX_EVENT_BYTES));
    assertThat(events)
        .extracting(event -> event.event().part())
        .containsExactlyElementsOf(
            IntStream.range(0, events.size())
                .mapToObj(i -> new ReportPart(i, events.size()))
                .toList());
    List<Finding> rejoined =
        events.stream()
            .map(event -> EventJson.read(event.json(), ScanReported.class))
            .flatMap(part -> part.findings().stream())
            .toList();
    assertThat(rejoined).isEqualTo(report.findings());
    assertThat(events)
        .extracting(event -> event.event().reportId())
        .containsOnly(report.reportId());
    assertThat(events).extracting(event -> event.event().eventId()).doesNotHaveDuplicates();
  }

  @Test
  void splittingTheSameReportAgainGivesTheSameEventIdsSoARetryIsRecognised() {
    ScanReported report = report(20_000);

    assertThat(splitter.split(report))
        .extracting(event -> event.event().eventId())
        .isEqualTo(splitter.split(report).stream().map(event -> event.event().eventId()).toList());
  }

  private static ScanReported report(int findings) {
    return new ScanReported(
        EventIds.derived(RECEIVED, "report/scan-reported"),
        RECEIVED,
        "corr",
        "report",
        RECEIVED,
        new ImageReference("registry.example.test", "acme/big", "1.0", null),
        null,
        IntStream.range(0, findings)
            .mapToObj(
                i ->
                    new Finding(
                        "CVE-2099-" + i,
                        "package-" + (i % 977),
                        "1." + i,
                        i % 3 == 0 ? null : "2." + i,
                        Severity.values()[i % Severity.values().length],
                        "A vulnerability in package "
                            + (i % 977)
                            + " that lets an attacker do things"))
            .toList(),
        null,
        null);
  }
}
