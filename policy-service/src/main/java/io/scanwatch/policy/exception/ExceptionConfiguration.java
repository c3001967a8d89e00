package io.scanwatch.policy.exception;

import io.scanwatch.policy.kev.KnownExploitedVulnerabilities;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires exceptions to their store and their notices, and checks for expired ones. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExceptionConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ExceptionConfiguration.class);

  @Bean
  ExceptionGrants exceptionGrants(
      PolicyExceptions store,
      ExceptionNotices notices,
      ExceptionProperties properties,
      KnownExploitedVulnerabilities knownExploited,
      Clock clock) {
    return new ExceptionGrants(
        store,
        notices,
        properties.maxDuration(),
        vulnerabilityId -> knownExploited.current().find(vulnerabilityId),
        clock);
  }

  @Bean
  ExpiryCheck exceptionExpiryCheck(ExceptionGrants grants) {
    return new ExpiryCheck(grants);
  }

  /** Runs the check on its interval; a failure is logged and the next run tries again. */
  static class ExpiryCheck {
    private final ExceptionGrants grants;

    ExpiryCheck(ExceptionGrants grants) {
      this.grants = grants;
    }

    @Scheduled(
        fixedDelayString = "${scanwatch.policy.exceptions.check-interval}",
        initialDelayString = "${scanwatch.policy.exceptions.check-interval}")
    void check() {
      try {
        grants.noticeExpired();
      } catch (RuntimeException e) {
        LOG.warn("Checking for expired exceptions failed; retrying: {}", e.toString());
      }
    }
  }
}
