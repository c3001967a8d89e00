package io.scanwatch.policy.evaluation.kafka;

import io.scanwatch.contracts.ScanReported;
import io.scanwatch.contracts.Topics;
import io.scanwatch.policy.coverage.ScanCoverage;
import io.scanwatch.policy.evaluation.ReportAssembly;
import io.scanwatch.policy.evaluation.ScanEvaluation;
import io.scanwatch.policy.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates every {@link ScanReported} event, once all its parts are in when it travelled in parts,
 * and counts it as the scan a pushed image waits for. The offset is committed only after the
 * verdict and its events are out, so a crash means a redelivery, which evaluation absorbs.
 */
@Component
class ScanReportListener {

  private static final Logger LOG = LoggerFactory.getLogger(ScanReportListener.class);

  private final ReportAssembly assembly;
  private final ScanEvaluation evaluation;
  private final ScanCoverage coverage;

  ScanReportListener(ReportAssembly assembly, ScanEvaluation evaluation, ScanCoverage coverage) {
    this.assembly = assembly;
    this.evaluation = evaluation;
    this.coverage = coverage;
  }

  @KafkaListener(id = "policy-scan-reports", topics = Topics.SCAN_REPORTS)
  void onScanReported(ScanReported event) {
    assembly
        .add(event)
        .ifPresent(
            report -> {
              evaluate(report);
              coverage.onScanReport(report.image(), report.receivedAt(), report.correlationId());
              if (!event.whole()) {
                assembly.completed(report);
              }
            });
  }

  private void evaluate(ScanReported report) {
    Verdict verdict = evaluation.evaluate(report);
    LOG.info(
        "Report {} on {}: {}{}",
        report.reportId(),
        report.image().displayName(),
        verdict.passed() ? "passed" : "failed",
        verdict.passed() ? "" : " at " + verdict.priority() + ", due " + verdict.deadline());
  }
}
