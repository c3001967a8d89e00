package io.scanwatch.policy.kev;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the KEV catalogue in force, from the configured file or the bundled subset. */
@Configuration(proxyBeanMethods = false)
class KevConfiguration {

  /** CISA publishes a few times a week; a minute between looks at the file is plenty. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(60);

  @Bean
  KnownExploitedVulnerabilities knownExploitedVulnerabilities(
      KevProperties properties, Clock clock) {
    return properties
        .path()
        .map(file -> new KnownExploitedVulnerabilities(file, CHECK_INTERVAL, clock))
        .orElseGet(KnownExploitedVulnerabilities::bundled);
  }
}
