package io.scanwatch.support.kafka;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Publishes a failed record to its dead-letter topic, and counts it once it is there. */
class CountingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

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
  }
}
