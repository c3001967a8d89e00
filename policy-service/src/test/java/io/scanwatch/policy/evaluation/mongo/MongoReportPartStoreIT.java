package io.scanwatch.policy.evaluation.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ReportPart;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Severity;
import io.scanwatch.policy.Scans;
import io.scanwatch.policy.evaluation.ReportPartStore.Kept;
import io.scanwatch.testsupport.TestInfrastructureConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The parts of a report against a real store: counted as they come, read back whole, in order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructureConfiguration.class)
class MongoReportPartStoreIT {

  private static final Instant RECEIVED = Instant.parse("2026-12-04T09:00:00Z");

  /** With a 1,000-character title each, a part is about 540 KB, near ingest's 512 KB default. */
  private static final int FINDINGS_PER_PART = 500;

  @Autowired MongoReportPartStore parts;

  @Test
  void partsTogetherLargerThanOneWireMessageAreReadBackWholeAndInOrder() {
    String reportId = UUID.randomUUID().toString();
    // A hundred such parts are about 54 MB: more than the 48 MB one reply may carry.
    int count = 100;

    for (int index = count - 1; index >= 0; index--) {
      parts.save(part(reportId, index, count));
    }

    assertThat(parts.kept(reportId)).isEqualTo(new Kept(count, count * FINDINGS_PER_PART));
    List<ScanReported> read = parts.partsOf(reportId);
    assertThat(read)
        .extracting(part -> part.part().index())
        .containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
    assertThat(read.getLast().findings()).hasSize(FINDINGS_PER_PART);
    assertThat(read.getLast().findings().getFirst().vulnerabilityId()).isEqualTo("CVE-2099-99-0");
  }

  @Test
  void aPartSavedTwiceIsCountedOnceAndDeletingForgetsEveryPart() {
    String reportId = UUID.randomUUID().toString();
    parts.save(part(reportId, 0, 3));
    parts.save(part(reportId, 0, 3));
    parts.save(part(reportId, 1, 3));

    assertThat(parts.kept(reportId)).isEqualTo(new Kept(2, 2 * FINDINGS_PER_PART));

    parts.delete(reportId);

    assertThat(parts.kept(reportId)).isEqualTo(new Kept(0, 0));
    assertThat(parts.partsOf(reportId)).isEmpty();
  }

  private static ScanReported part(String reportId, int index, int count) {
    ScanReported whole = Scans.scan(reportId, "acme/parts", "1", RECEIVED, List.of());
    String title = "t".repeat(1_000);
    List<Finding> findings =
        IntStream.range(0, FINDINGS_PER_PART)
            .mapToObj(
                i ->
                    new Finding(
                        "CVE-2099-" + index + "-" + i,
                        "package-" + i,
                        "1.0",
                        "1.1",
                        Severity.LOW,
                        title))
            .toList();
    return new ScanReported(
        EventIds.derived(RECEIVED, reportId + "/scan-reported/" + index),
        whole.occurredAt(),
        whole.correlationId(),
        reportId,
        RECEIVED,
        whole.image(),
        whole.os(),
        findings,
        null,
        new ReportPart(index, count));
  }
}
