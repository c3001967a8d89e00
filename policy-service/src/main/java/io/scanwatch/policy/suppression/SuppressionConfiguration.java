package io.scanwatch.policy.suppression;

import io.scanwatch.policy.exception.ExceptionGrants;
import io.scanwatch.policy.vex.VexLibrary;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires exceptions and uploaded VEX documents into the one suppressor evaluations use. */
@Configuration(proxyBeanMethods = false)
class SuppressionConfiguration {

  @Bean
  Suppressions suppressions(ExceptionGrants exceptions, VexLibrary vex, Clock clock) {
    return new Suppressions(exceptions, vex, clock);
  }
}
