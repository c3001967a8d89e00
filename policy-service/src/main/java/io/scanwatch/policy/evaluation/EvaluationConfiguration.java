package io.scanwatch.policy.evaluation;

import io.scanwatch.policy.alert.AlertLifecycle;
import io.scanwatch.policy.alert.AlertProperties;
import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.finding.FindingHistory;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.PolicyProperties;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the evaluation use case to the policy, its stores and its events. */
@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

  @Bean
  AlertLifecycle alertLifecycle(AlertStore store, AlertProperties properties, Clock clock) {
    return new AlertLifecycle(store, properties.priorities(), clock);
  }

  @Bean
  ReportAssembly reportAssembly(ReportPartStore parts) {
    return new ReportAssembly(parts);
  }

  @Bean
  ScanEvaluation scanEvaluation(
      PolicyProperties policy,
      DeadlineProperties deadlines,
      FindingHistory history,
      VerdictStore verdicts,
      AlertLifecycle alerts,
      EvaluationEvents events,
      Clock clock) {
    return new ScanEvaluation(
        policy.defaultPolicy(),
        new PolicyEngine(vulnerability -> false, os -> os.endOfLife()),
        deadlines,
        history,
        verdicts,
        alerts,
        events,
        clock);
  }
}
