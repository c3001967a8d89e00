package io.scanwatch.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Kafka broker ({@link KafkaBrokerProcess}) and a store ({@link MongoStoreProcess}) of one test's
 * own, as processes on free ports, so the test can stop and restart them without touching the
 * shared ones other tests use. Both keep their data across a restart: same ports, same data.
 */
final class InfrastructureProcesses implements BrokerAndStore, AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final StackConfig stack;
  private ChildProcess broker;
  private ChildProcess store;

  private InfrastructureProcesses(StackConfig stack) {
    this.stack = stack;
  }

  /** Starts a broker and a store with their data under {@code stateDir}, and waits for both. */
  static InfrastructureProcesses start(Path stateDir) throws IOException {
    var ports =
        new StackPorts(
            ServicesUnderTest.restartablePort(),
            ServicesUnderTest.restartablePort(),
            ServicesUnderTest.restartablePort(),
            ServicesUnderTest.freePort(),
            ServicesUnderTest.freePort(),
            ServicesUnderTest.freePort(),
            ServicesUnderTest.freePort(),
            ServicesUnderTest.freePort());
    var infrastructure =
        new InfrastructureProcesses(
            new StackConfig(StackConfig.locateRepository(), stateDir, ports));
    try {
      infrastructure.startBroker();
      infrastructure.startStore();
      return infrastructure;
    } catch (RuntimeException e) {
      infrastructure.close();
      throw e;
    }
  }

  @Override
  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + stack.ports().kafka();
  }

  /**
   * A connection string for {@code database}. Server selection gives up after 5 s rather than the
   * driver's 30 s, so a request during a store outage is answered (503) instead of hanging.
   */
  @Override
  public String mongoUri(String database) {
    return "mongodb://127.0.0.1:"
        + stack.ports().mongo()
        + "/"
        + database
        + "?serverSelectionTimeoutMS=5000";
  }

  /** Starts the broker on its port and data directory, and waits until it accepts clients. */
  void startBroker() {
    var started = KafkaBrokerProcess.start(stack);
    broker = started;
    started.awaitReady("ready", () -> KafkaBrokerProcess.isReady(started, stack), STARTUP);
  }

  /** Stops the broker cleanly (SIGTERM) and waits until it is gone. */
  void stopBroker() {
    broker.stop(STOP_GRACE);
  }

  /** Starts the store on its port and file, and waits until it accepts connections. */
  void startStore() {
    var started = MongoStoreProcess.start(stack);
    store = started;
    started.awaitReady("listening", () -> MongoStoreProcess.isReady(started, stack), STARTUP);
  }

  /** Stops the store (SIGTERM, which flushes its file) and waits until it is gone. */
  void stopStore() {
    store.stop(STOP_GRACE);
  }

  /** Prints the tail of the broker's and the store's logs, for a test that is about to fail. */
  void printLogTails() {
    for (ChildProcess process : new ChildProcess[] {broker, store}) {
      if (process != null) {
        System.err.printf("--- %s log tail ---%n%s%n", process.name(), process.logTail());
      }
    }
  }

  @Override
  public void close() {
    if (broker != null) {
      broker.stop(STOP_GRACE);
    }
    if (store != null) {
      store.stop(STOP_GRACE);
    }
  }
}
