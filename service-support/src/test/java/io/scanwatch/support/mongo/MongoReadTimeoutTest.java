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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
                        .applyConnectionString(new ConnectionString(proxy.uri("stuck"))),
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
          .withPropertyValues("spring.mongodb.uri=" + proxy.uri("stuck") + "?socketTimeoutMS=400")
          .run(
              context -> {
                assertThat(context).hasSingleBean(MongoReadTimeout.class);
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
  void theDefaultIsAppliedBeforeBootsOwnCustomizer() {
    var timeout = new MongoReadTimeout(MongoReadTimeout.DEFAULT);
    var settings = MongoClientSettings.builder();

    timeout.customize(settings);

    assertThat(settings.build().getSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(30);
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

  /**
   * Relays TCP to the store until frozen; then it still reads what the client sends but passes
   * nothing on, as a store that stopped answering would look.
   */
  private static final class FreezableProxy implements AutoCloseable {

    private final ServerSocket listener = new ServerSocket(0, 50, null);
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    FreezableProxy(InetSocketAddress target) throws IOException {
      this.target = target;
      Thread.ofVirtual().start(this::accept);
    }

    String uri(String database) {
      return "mongodb://127.0.0.1:" + listener.getLocalPort() + "/" + database;
    }

    void freeze() {
      frozen = true;
    }

    private void accept() {
      try {
        while (true) {
          Socket client = listener.accept();
          Socket upstream = new Socket(target.getAddress(), target.getPort());
          sockets.add(client);
          sockets.add(upstream);
          Thread.ofVirtual().start(() -> relay(client, upstream));
          Thread.ofVirtual().start(() -> relay(upstream, client));
        }
      } catch (IOException closed) {
        // the proxy was closed
      }
    }

    private void relay(Socket from, Socket to) {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream();
          OutputStream out = to.getOutputStream()) {
        for (int read; (read = in.read(buffer)) >= 0; ) {
          if (!frozen) {
            out.write(buffer, 0, read);
            out.flush();
          }
        }
      } catch (IOException closed) {
        // one side went away
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }
}
