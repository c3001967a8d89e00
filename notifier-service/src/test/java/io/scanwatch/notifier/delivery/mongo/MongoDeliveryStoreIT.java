package io.scanwatch.notifier.delivery.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.scanwatch.notifier.delivery.Delivery;
import io.scanwatch.notifier.delivery.DeliveryStore;
import io.scanwatch.notifier.delivery.DeliveryStoreContract;
import io.scanwatch.testsupport.TestInfrastructure;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB store against the shared test store, each test in a database of its own. */
class MongoDeliveryStoreIT extends DeliveryStoreContract {

  private static MongoClient client;

  private MongoTemplate mongo;

  @BeforeAll
  static void connect() {
    client = MongoClients.create(TestInfrastructure.shared().mongoUri("admin"));
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Override
  protected DeliveryStore emptyStore() {
    mongo = new MongoTemplate(client, "deliveries-" + UUID.randomUUID());
    return new MongoDeliveryStore(mongo);
  }

  @Override
  protected Optional<Delivery> find(String id) {
    return Optional.ofNullable(mongo.findById(id, DeliveryDocument.class))
        .map(DeliveryDocument::toDelivery);
  }
}
