package io.scanwatch.support.mongo;

import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * How long a command may wait for the store's answer. The driver's default is to wait for ever, so
 * a store that accepts connections but stops answering (one stuck in garbage collection, or behind
 * a network partition that drops packets) would hold every request that reached it, and its thread,
 * until the store came back. With a timeout the command fails as with an unavailable store: ingest
 * answers 503 with {@code Retry-After}, and the Kafka listeners retry the record.
 *
 * <p>Applied before Boot's own customizer, which applies the connection string, so {@code
 * socketTimeoutMS} in {@code MONGODB_URI} still sets another.
 */
public class MongoReadTimeout implements MongoClientSettingsBuilderCustomizer, Ordered {

  private final Duration timeout;

  public MongoReadTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void customize(MongoClientSettings.Builder settings) {
    settings.applyToSocketSettings(
        socket -> socket.readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  public Duration timeout() {
    return timeout;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
