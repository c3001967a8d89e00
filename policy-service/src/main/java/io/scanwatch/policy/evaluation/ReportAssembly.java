package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ScanReported;
import io.scanwatch.support.kafka.UnprocessableEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a report that travelled in parts back together. Parts share a key, so they arrive in order
 * on one partition; each is kept until the last one arrives, and the whole report is then handed on
 * as if it had come in one event. A report of more findings than the service evaluates is refused
 * when its last part arrives, before any part is read: evaluating it would run the heap out, and
 * the redelivered record would do so again after every restart.
 */
public class ReportAssembly {

  private final ReportPartStore parts;
  private final long maxFindings;

  /**
   * @param maxFindings the most findings of a report put together ({@code SCANWATCH_MAX_FINDINGS})
   */
  public ReportAssembly(ReportPartStore parts, long maxFindings) {
    this.parts = parts;
    this.maxFindings = maxFindings;
  }

  /**
   * The whole report once {@code part} completes it; empty while parts are missing. The parts are
   * counted as they arrive and read only once all are there: a report of a hundred parts is read
   * once, not a hundred times over.
   *
   * @throws UnprocessableEventException when the complete report has more than the most findings;
   *     its parts are forgotten
   */
  public Optional<ScanReported> add(ScanReported part) {
    if (part.whole()) {
      return Optional.of(part);
    }
    parts.save(part);
    ReportPartStore.Kept kept = parts.kept(part.reportId());
    if (kept.parts() < part.part().count()) {
      return Optional.empty();
    }
    if (kept.findings() > maxFindings) {
      parts.delete(part.reportId());
      throw new UnprocessableEventException(
          "report %s has %d findings in %d parts, more than the %d policy-service evaluates (SCANWATCH_MAX_FINDINGS)"
              .formatted(part.reportId(), kept.findings(), kept.parts(), maxFindings));
    }
    return Optional.of(join(parts.partsOf(part.reportId())));
  }

  /** Forgets the parts of a report once it has been evaluated. */
  public void completed(ScanReported report) {
    parts.delete(report.reportId());
  }

  private static ScanReported join(List<ScanReported> kept) {
    ScanReported first = kept.getFirst();
    List<Finding> findings = new ArrayList<>();
    kept.forEach(part -> findings.addAll(part.findings()));
    return new ScanReported(
        EventIds.derived(first.receivedAt(), first.reportId() + "/scan-reported"),
        first.occurredAt(),
        first.correlationId(),
        first.reportId(),
        first.receivedAt(),
        first.image(),
        first.os(),
        findings,
        first.summary(),
        null,
        first.labels());
  }
}
