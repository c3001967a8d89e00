package io.scanwatch.ingest.report;

import io.scanwatch.ingest.inventory.ImageInventory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the report intake use case to its store and publisher. */
@Configuration(proxyBeanMethods = false)
class ReportIntakeConfiguration {

  @Bean
  ReportIntake reportIntake(
      ReportStore store,
      ScanEventPublisher publisher,
      ImageInventory inventory,
      ReportLimitsProperties limits,
      Clock clock) {
    return new ReportIntake(store, publisher, inventory, limits.maxFindings(), clock);
  }
}
