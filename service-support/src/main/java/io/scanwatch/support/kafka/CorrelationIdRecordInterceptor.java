package io.scanwatch.support.kafka;

import io.scanwatch.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the correlation id of the record being handled into the logging context, so every log line a
 * listener writes can be traced back to the HTTP request that started it.
 */
public class CorrelationIdRecordInterceptor implements RecordInterceptor<Object, Object> {

  /** The logging-context key; log patterns print it with {@code %X{correlationId}}. */
  public static final String MDC_KEY = "correlationId";

  @Override
  public ConsumerRecord<Object, Object> intercept(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    Header header = record.headers().lastHeader(Topics.CORRELATION_ID_HEADER);
    if (header != null) {
      MDC.put(MDC_KEY, new String(header.value(), StandardCharsets.UTF_8));
    }
    return record;
  }

  @Override
  public void afterRecord(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    MDC.remove(MDC_KEY);
  }
}
