package io.scanwatch.policy.fleet;

import io.micrometer.core.instrument.MeterRegistry;
import io.scanwatch.policy.alert.AlertStore;
import io.scanwatch.policy.coverage.PendingScans;
import io.scanwatch.policy.verdict.VerdictStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the fleet gauges and recomputes them on their interval. */
@Configuration(proxyBeanMethods = false)
class FleetConfiguration {

  @Bean
  FleetGauges fleetGauges(
      VerdictStore verdicts,
      AlertStore alerts,
      PendingScans pending,
      FleetMetricsProperties properties,
      MeterRegistry meters,
      Clock clock) {
    return new FleetGauges(verdicts, alerts, pending, properties, meters, clock);
  }

  @Bean
  FleetRefresh fleetRefresh(FleetGauges gauges) {
    return new FleetRefresh(gauges);
  }

  /** The schedule. */
  static class FleetRefresh {
    private final FleetGauges gauges;

    FleetRefresh(FleetGauges gauges) {
      this.gauges = gauges;
    }

    @Scheduled(
        fixedDelayString = "${scanwatch.policy.metrics.refresh-interval}",
        initialDelayString = "${scanwatch.policy.metrics.refresh-interval}")
    void refresh() {
      gauges.refresh();
    }
  }
}
