package io.scanwatch.policy.exception;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notice as a WARN log line and the counter {@code scanwatch_policy_exceptions_expired_total};
 * the publishing implementation (exception/kafka) delegates to it so both stay.
 */
public class LoggedExceptionNotices implements ExceptionNotices {

  static final String EXPIRED = "scanwatch.policy.exceptions.expired";

  private static final Logger LOG = LoggerFactory.getLogger(LoggedExceptionNotices.class);

  private final Counter expired;

  public LoggedExceptionNotices(MeterRegistry meters) {
    this.expired =
        Counter.builder(EXPIRED)
            .description("Exceptions that expired, so that their findings count again")
            .register(meters);
  }

  @Override
  public void expired(PolicyException exception) {
    LOG.warn(
        "Exception {} for {} (owner {}) expired at {}; its findings count again",
        exception.id(),
        exception.vulnerabilityId(),
        exception.owner(),
        exception.expiresAt());
    expired.increment();
  }
}
