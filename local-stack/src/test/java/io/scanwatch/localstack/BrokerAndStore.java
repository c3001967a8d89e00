package io.scanwatch.localstack;

import io.scanwatch.testsupport.TestInfrastructure;

/**
 * Where the services under test find Kafka and MongoDB: the test JVM's shared broker and store, or
 * processes of a test's own that it may stop and start ({@link InfrastructureProcesses}).
 */
interface BrokerAndStore {

  /** {@code host:port} list for {@code bootstrap.servers}. */
  String kafkaBootstrapServers();

  /** A connection string for {@code database}. */
  String mongoUri(String database);

  /** The test JVM's shared broker and store, which no test may stop. */
  static BrokerAndStore shared() {
    TestInfrastructure infrastructure = TestInfrastructure.shared();
    return new BrokerAndStore() {
      @Override
      public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
      }

      @Override
      public String mongoUri(String database) {
        return infrastructure.mongoUri(database);
      }
    };
  }
}
