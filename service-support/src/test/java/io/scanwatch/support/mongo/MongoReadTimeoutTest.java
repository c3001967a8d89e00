package io.scanwatch.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.scanwatch.testsupport.FreezableProxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A store that accepts a command and never answers: the command fails instead of hanging. Without
 * the timeout these tests would hang; the class timeout turns that into a failure.
 */
@Timeout(20)
class MongoReadTimeoutTest {

  private final MongoServer store = new MongoServer(new MemoryBackend());
  private final InetSocketAddress storeAddress = store.bind();

  @AfterEach
  void stop() {
    store.shutdownNow();
  }

  @Test
  void aCommandTheStoreNeverAnswersFailsAfterTheTimeout() throws IOException {
    try (var proxy = new FreezableProxy(storeAddress);
        var client =
            MongoClients.create(
                withTimeout(
                    MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(proxy.mongoUri("stuck"))),
                    Duration.ofMillis(500)))) {
      insertOne(client);

      proxy.freeze();
      long started = System.nanoTime();

      assertThatThrownBy(() -> insertOne(client))
          .isInstanceOf(MongoSocketReadTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void theServicesClientGetsTheTimeoutAndTheConnectionStringCanSetAnother() throws IOException {
    try (var proxy = new FreezableProxy(storeAddress)) {
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MongoClientAutoConfiguration.class, MongoAutoConfiguration.class))
          .withPropertyValues(
              "spring.mongodb.uri=" + proxy.mongoUri("stuck") + "?socketTimeoutMS=400")
          .run(
              context -> {
                assertThat(context.getBean(MongoReadTimeout.class).timeout())
                    .isEqualTo(Duration.ofSeconds(30));
                MongoClient client = context.getBean(MongoClient.class);
                insertOne(client);

                proxy.freeze();
                long started = System.nanoTime();

                assertThatThrownBy(() -> insertOne(client))
                    .as("the URI's 400 ms, applied after the 30 s default")
                    .isInstanceOf(MongoSocketReadTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofSeconds(5));
              });
    }
  }

  @Test
  void itIsAppliedBeforeBootsOwnCustomizerAndSetsTheReadTimeout() {
    var timeout = new MongoReadTimeout(Duration.ofSeconds(7));
    var settings = MongoClientSettings.builder();

    timeout.customize(settings);

    assertThat(settings.build().getSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(7);
    assertThat(timeout.getOrder()).isLessThan(0);
  }

  private static MongoClientSettings withTimeout(
      MongoClientSettings.Builder settings, Duration timeout) {
    new MongoReadTimeout(timeout).customize(settings);
    return settings.build();
  }

  private static void insertOne(MongoClient client) {
    client.getDatabase("stuck").getCollection("probes").insertOne(new Document("at", 1));
  }
}
