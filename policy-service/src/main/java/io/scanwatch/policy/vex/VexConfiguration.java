package io.scanwatch.policy.vex;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires uploaded VEX documents to their store. */
@Configuration(proxyBeanMethods = false)
class VexConfiguration {

  @Bean
  VexLibrary vexLibrary(VexUploads store, Clock clock) {
    return new VexLibrary(store, clock);
  }
}
