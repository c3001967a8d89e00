package io.scanwatch.testsupport;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * One Kafka broker and one MongoDB store for every test in a JVM, started on first use and stopped
 * when the JVM exits.
 *
 * <p>Which kind runs is chosen once: {@code SCANWATCH_TEST_INFRA} (environment) or {@code
 * scanwatch.test-infra} (system property) set to {@code docker} or {@code embedded} forces it;
 * otherwise containers are used when a Docker engine answers, and the embedded broker and store
 * when none does. Tests see the same two endpoints either way.
 */
public sealed interface TestInfrastructure permits ContainerInfrastructure, EmbeddedInfrastructure {

  /** {@code host:port} list for {@code bootstrap.servers}. */
  String kafkaBootstrapServers();

  /** A connection string for {@code database}; each test context uses a database of its own. */
  String mongoUri(String database);

  /** Stops the broker and the store. */
  void stop();

  /** The JVM-wide instance, started on first call. */
  static TestInfrastructure shared() {
    return Holder.INSTANCE;
  }

  /** Lazily starts the chosen infrastructure exactly once per JVM. */
  final class Holder {
    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final TestInfrastructure INSTANCE = start();

    private Holder() {}

    private static TestInfrastructure start() {
      String forced =
          System.getProperty("scanwatch.test-infra", System.getenv("SCANWATCH_TEST_INFRA"));
      boolean docker =
          forced == null || forced.isBlank()
              ? DockerClientFactory.instance().isDockerAvailable()
              : switch (forced.strip().toLowerCase(Locale.ROOT)) {
                case "docker" -> true;
                case "embedded" -> false;
                default ->
                    throw new IllegalArgumentException(
                        "SCANWATCH_TEST_INFRA must be 'docker' or 'embedded', not '"
                            + forced
                            + "'");
              };
      LOG.info(
          "Integration tests run against {} infrastructure", docker ? "container" : "embedded");
      TestInfrastructure infrastructure =
          docker ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
      Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop));
      return infrastructure;
    }
  }
}
