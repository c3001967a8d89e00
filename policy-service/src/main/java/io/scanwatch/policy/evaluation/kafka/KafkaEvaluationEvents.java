package io.scanwatch.policy.evaluation.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.Topics;
import io.scanwatch.contracts.VerdictIssued;
import io.scanwatch.policy.evaluation.EvaluationEvents;
import io.scanwatch.policy.verdict.Verdict;
import io.scanwatch.support.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes verdicts keyed by repository and alert changes keyed by alert id, so each alert's
 * changes are read in order.
 */
@Component
class KafkaEvaluationEvents implements EvaluationEvents {

  private final EventPublisher events;
  private final MeterRegistry meters;

  KafkaEvaluationEvents(EventPublisher events, MeterRegistry meters) {
    this.events = events;
    this.meters = meters;
  }

  @Override
  public void verdictIssued(Verdict verdict) {
    var event =
        new VerdictIssued(
            EventIds.derived(verdict.inputReceivedAt(), verdict.reportId() + "/verdict"),
            verdict.decidedAt(),
            verdict.correlationId(),
            verdict.reportId(),
            verdict.inputReceivedAt(),
            verdict.image(),
            verdict.passed(),
            verdict.counts(),
            verdict.policyViolations(),
            verdict.priority(),
            verdict.deadline(),
            verdict.policy(),
            verdict.countsOnly(),
            verdict.allCounts(),
            verdict.score().value(),
            verdict.score().grade(),
            verdict.diff() == null ? null : verdict.diff().changes(),
            verdict.rootCause() == null ? null : verdict.rootCause().summary());
    events.publish(
        Topics.VERDICTS, verdict.image().repositoryKey(), verdict.correlationId(), event);
    meters
        .counter(
            "scanwatch.verdicts",
            "result",
            verdict.passed() ? "pass" : "fail",
            "priority",
            verdict.priority() == null ? "none" : verdict.priority().name())
        .increment();
  }

  @Override
  public void alertChanged(AlertEvent alert) {
    events.publish(Topics.ALERTS, alert.alertId(), alert.correlationId(), alert);
  }
}
