package io.scanwatch.policy.coverage;

import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.evaluation.EvaluationEvents;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires scan coverage to its store and to the alert topic, and checks for overdue images. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CoverageConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CoverageConfiguration.class);

  @Bean
  ScanCoverage scanCoverage(
      PendingScans pending,
      AlertStore store,
      EvaluationEvents events,
      NotScannedProperties properties,
      Clock clock) {
    return new ScanCoverage(
        pending, store, events::alertChanged, properties.window(), properties.priority(), clock);
  }

  @Bean
  OverdueScanCheck overdueScanCheck(ScanCoverage coverage) {
    return new OverdueScanCheck(coverage);
  }

  /** Runs the check on its interval; a failure is logged and the next run tries again. */
  static class OverdueScanCheck {
    private final ScanCoverage coverage;

    OverdueScanCheck(ScanCoverage coverage) {
      this.coverage = coverage;
    }

    @Scheduled(
        fixedDelayString = "${scanwatch.policy.not-scanned.check-interval}",
        initialDelayString = "${scanwatch.policy.not-scanned.check-interval}")
    void check() {
      try {
        int fired = coverage.alertOverdue();
        if (fired > 0) {
          LOG.info("{} pushed image(s) not scanned in time: alerts fired", fired);
        }
      } catch (RuntimeException e) {
        LOG.warn("Checking for images not scanned in time failed; retrying: {}", e.toString());
      }
    }
  }
}
