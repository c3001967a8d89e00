package io.scanwatch.policy.exception.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.PolicyNotice;
import io.scanwatch.contracts.Topics;
import io.scanwatch.policy.exception.ExceptionNotices;
import io.scanwatch.policy.exception.LoggedExceptionNotices;
import io.scanwatch.policy.exception.PolicyException;
import io.scanwatch.support.kafka.EventPublisher;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Publishes each expiry as a {@link PolicyNotice} on {@link Topics#NOTICES}, after the log line and
 * the counter; declares the topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaExceptionNotices {

  @Bean
  NewTopic noticesTopic(@Value("${scanwatch.kafka.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.NOTICES).partitions(partitions).build();
  }

  @Bean
  ExceptionNotices exceptionNotices(EventPublisher events, MeterRegistry meters) {
    var logged = new LoggedExceptionNotices(meters);
    return exception -> {
      logged.expired(exception);
      events.publish(
          Topics.NOTICES, exception.id(), "exception-" + exception.id(), notice(exception));
    };
  }

  static PolicyNotice notice(PolicyException exception) {
    return new PolicyNotice(
        EventIds.derived(exception.expiresAt(), exception.id() + "/expired"),
        exception.expiresAt(),
        PolicyNotice.EXCEPTION_EXPIRED,
        exception.id(),
        "The exception for %s%s (%s) expired at %s; its findings count again"
            .formatted(
                exception.vulnerabilityId(),
                exception.repository() == null ? "" : " on " + exception.repository(),
                exception.reason(),
                exception.expiresAt()),
        exception.owner());
  }
}
