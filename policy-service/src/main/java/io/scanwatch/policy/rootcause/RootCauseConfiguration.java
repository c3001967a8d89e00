package io.scanwatch.policy.rootcause;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the root-cause analysis from the bundled {@code distributions.yaml}, or from the file
 * named by {@code scanwatch.policy.distributions-file} ({@code SCANWATCH_DISTRIBUTIONS_FILE}),
 * re-read when it changes.
 */
@Configuration(proxyBeanMethods = false)
class RootCauseConfiguration {

  static final Duration CHECK_INTERVAL = Duration.ofSeconds(30);

  @Bean
  RootCauseAnalysis rootCauseAnalysis(
      @Value("${scanwatch.policy.distributions-file:}") String file, Clock clock) {
    if (file.isBlank()) {
      return new RootCauseAnalysis(DistributionReleases.bundled());
    }
    return new RootCauseAnalysis(
        new DistributionReleasesFile(Path.of(file.trim()), clock, CHECK_INTERVAL));
  }
}
