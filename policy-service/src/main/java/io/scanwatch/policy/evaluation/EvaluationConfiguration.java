package io.scanwatch.policy.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scanwatch.policy.alert.AlertLifecycle;
import io.scanwatch.policy.alert.AlertProperties;
import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.finding.TagFindings;
import io.scanwatch.policy.kev.KnownExploitedVulnerabilities;
import io.scanwatch.policy.rootcause.RootCauseAnalysis;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.PolicySelector;
import io.scanwatch.policy.rules.ScanSuppressions;
import io.scanwatch.policy.score.ScoreProperties;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the evaluation use case to the policies, its stores and its events. */
@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationConfiguration.class);

  @Bean
  AlertLifecycle alertLifecycle(AlertStore store, AlertProperties properties, Clock clock) {
    return new AlertLifecycle(store, properties.priorities(), clock);
  }

  @Bean
  ReportAssembly reportAssembly(
      ReportPartStore parts, @Value("${scanwatch.policy.reports.max-findings}") long maxFindings) {
    return new ReportAssembly(parts, maxFindings);
  }

  @Bean
  PolicyEngine policyEngine(
      KnownExploitedVulnerabilities knownExploited, RootCauseAnalysis rootCause, Clock clock) {
    return new PolicyEngine(
        id -> knownExploited.current().find(id).isPresent(),
        os -> rootCause.endOfLife(os, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
  }

  @Bean
  ScanEvaluation scanEvaluation(
      PolicySelector policies,
      PolicyEngine engine,
      ScanSuppressions suppressions,
      ScoreProperties score,
      DeadlineProperties deadlines,
      FindingHistory history,
      TagFindings tags,
      RootCauseAnalysis rootCause,
      VerdictStore verdicts,
      ScanArchive archive,
      MeterRegistry meters,
      AlertLifecycle alerts,
      EvaluationEvents events,
      Clock clock) {
    Timer timeToFix =
        Timer.builder("scanwatch.finding.time.to.fix")
            .description("From a finding's first sighting on a repository to the scan without it")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMinutes(1))
            .maximumExpectedValue(Duration.ofDays(365))
            .register(meters);
    return new ScanEvaluation(
        policies,
        engine,
        suppressions,
        score.formula(),
        deadlines,
        history,
        tags,
        rootCause,
        verdicts,
        archive,
        timeToFix::record,
        alerts,
        events,
        clock);
  }

  @Bean
  AlertEscalationCheck alertEscalationCheck(AlertLifecycle alerts, EvaluationEvents events) {
    return new AlertEscalationCheck(alerts, events);
  }

  /** Escalates alerts near or past their deadline on an interval; a failure waits for the next. */
  static class AlertEscalationCheck {
    private final AlertLifecycle alerts;
    private final EvaluationEvents events;

    AlertEscalationCheck(AlertLifecycle alerts, EvaluationEvents events) {
      this.alerts = alerts;
      this.events = events;
    }

    @Scheduled(
        fixedDelayString = "${scanwatch.policy.alerts.escalation-check-interval}",
        initialDelayString = "${scanwatch.policy.alerts.escalation-check-interval}")
    void check() {
      try {
        alerts.escalateDue().forEach(events::alertChanged);
      } catch (RuntimeException e) {
        LOG.warn("Escalating alerts failed; retrying: {}", e.toString());
      }
    }
  }
}
