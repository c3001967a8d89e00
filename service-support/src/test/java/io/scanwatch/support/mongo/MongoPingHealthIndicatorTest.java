package io.scanwatch.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class MongoPingHealthIndicatorTest {

  private final MongoServer server = new MongoServer(new MemoryBackend());

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  @Test
  void theEmbeddedStoreIsUpThoughItDoesNotKnowTheHelloCommand() {
    var address = server.bind();
    try (var client =
        MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/health-test")) {
      var indicator = new MongoPingHealthIndicator(new MongoTemplate(client, "health-test"));

      var health = indicator.health(true);

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("database", "health-test");
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void anUnreachableStoreIsDownAndLoggedInOneLineHoweverOftenHealthIsAsked(CapturedOutput output) {
    var address = server.bind();
    server.shutdownNow();
    try (var client =
        MongoClients.create(
            "mongodb://127.0.0.1:"
                + address.getPort()
                + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
      var indicator = new MongoPingHealthIndicator(new MongoTemplate(client, "health-test"));

      for (int i = 0; i < 5; i++) {
        assertThat(indicator.health(false).getStatus()).isEqualTo(Status.DOWN);
      }
    }
    assertThat(output.getAll().lines().filter(line -> line.contains("MongoDB ping failed")))
        .hasSize(1);
    assertThat(output.getAll()).doesNotContain("\tat org.springframework.data.mongodb");
  }
}
