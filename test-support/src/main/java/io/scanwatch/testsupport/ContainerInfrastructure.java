package io.scanwatch.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The real Apache Kafka and MongoDB images, run by Testcontainers on a Docker engine. */
record ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo)
    implements TestInfrastructure {

  static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";
  static final String MONGO_IMAGE = "mongo:8.0";

  static ContainerInfrastructure start() {
    var kafka = new KafkaContainer(KAFKA_IMAGE);
    var mongo = new MongoDBContainer(MONGO_IMAGE);
    kafka.start();
    mongo.start();
    return new ContainerInfrastructure(kafka, mongo);
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String mongoUri(String database) {
    return mongo.getReplicaSetUrl(database);
  }

  @Override
  public void stop() {
    kafka.stop();
    mongo.stop();
  }
}
