package io.scanwatch.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker in KRaft mode inside the test JVM, and mongo-java-server speaking the
 * MongoDB wire protocol from memory. No Docker needed.
 */
record EmbeddedInfrastructure(EmbeddedKafkaKraftBroker kafka, MongoServer mongo)
    implements TestInfrastructure {

  static EmbeddedInfrastructure start() {
    var kafka = new EmbeddedKafkaKraftBroker(1, 2);
    kafka.afterPropertiesSet();
    var mongo = new MongoServer(new MemoryBackend());
    mongo.enableOplog();
    mongo.bind("127.0.0.1", 0);
    return new EmbeddedInfrastructure(kafka, mongo);
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBrokersAsString();
  }

  @Override
  public String mongoUri(String database) {
    InetSocketAddress address = mongo.getLocalAddress();
    return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
  }

  @Override
  public void stop() {
    mongo.shutdownNow();
    kafka.destroy();
  }
}
