package io.scanwatch.support.kafka;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a failed record to its dead-letter topic, and counts and logs it once it is there: the
 * log line names the record and the reason (never its contents), as the dead-letter headers do.
 */
class CountingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

  private static final Logger LOG = LoggerFactory.getLogger(CountingDeadLetterRecoverer.class);

  private final DeadLetterMetrics metrics;

  CountingDeadLetterRecoverer(
      KafkaOperations<?, ?> template,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
      DeadLetterMetrics metrics) {
    super(template, destination);
    this.metrics = metrics;
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
    super.accept(record, consumer, exception);
    // After publishing: a failed publication throws, the record is retried and counted then.
    metrics.deadLettered(record.topic(), exception);
    LOG.warn(
        "Dead-lettered {}-{}@{}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        reason(exception));
  }

  /** The innermost message, which says what was wrong rather than where the listener failed. */
  private static String reason(Throwable exception) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
