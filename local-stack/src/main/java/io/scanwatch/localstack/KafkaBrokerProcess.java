package io.scanwatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process) on
 * 127.0.0.1, run from the jars the {@code local-kafka-broker} module copies; its data survives
 * restarts.
 */
public final class KafkaBrokerProcess {

  /** The log line Kafka prints once it accepts clients. */
  static final String STARTED_LINE = "Kafka Server started";

  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> JVM_FLAGS = List.of("-Xms128m", "-Xmx512m");

  /**
   * Kafka's usual console logging. Log4j's own shutdown hook is off because it would stop logging
   * before Kafka's hook has logged a clean shutdown.
   */
  private static final String LOG4J2_PROPERTIES =
      """
      shutdownHook=disable
      rootLogger.level=INFO
      rootLogger.appenderRef.stdout.ref=STDOUT
      appender.stdout.type=Console
      appender.stdout.name=STDOUT
      appender.stdout.layout.type=PatternLayout
      appender.stdout.layout.pattern=[%d] %p %m (%c)%n
      logger.apache.name=org.apache.kafka
      logger.apache.level=WARN
      """;

  private KafkaBrokerProcess() {}

  /** Formats the data directory on first use and starts the broker; see {@link #isReady}. */
  public static ChildProcess start(StackConfig config) {
    var dir = config.dir("kafka");
    var dataDir = dir.resolve("data");
    var serverProperties = dir.resolve("server.properties");
    var log4jProperties = dir.resolve("log4j2.properties");
    write(serverProperties, serverProperties(config.ports(), dataDir));
    write(log4jProperties, LOG4J2_PROPERTIES);
    var classpath = classpath(config);
    var log4j = "-Dlog4j2.configurationFile=" + log4jProperties;

    if (!Files.exists(dataDir.resolve("meta.properties"))) {
      ChildProcess.start(
              "kafka-format",
              List.of(
                  ChildProcess.javaBinary(),
                  "-cp",
                  classpath,
                  log4j,
                  "kafka.tools.StorageTool",
                  "format",
                  "--cluster-id",
                  newClusterId(),
                  "--config",
                  serverProperties.toString()),
              Map.of(),
              dir,
              config.logFile("kafka-format"))
          .awaitSuccess(FORMAT_TIMEOUT);
    }

    var command = new ArrayList<String>();
    command.add(ChildProcess.javaBinary());
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-cp", classpath, log4j, "kafka.Kafka", serverProperties.toString()));
    return ChildProcess.start("kafka", command, Map.of(), dir, config.logFile("kafka"));
  }

  /** Whether the broker has printed {@value #STARTED_LINE} and accepts connections. */
  public static boolean isReady(ChildProcess broker, StackConfig config) {
    return broker.logContains(STARTED_LINE) && PortAvailability.isListening(config.ports().kafka());
  }

  /**
   * A single combined node with static voters. Formatting with {@code --standalone} instead would
   * clash with {@code controller.quorum.voters}.
   */
  static String serverProperties(StackPorts ports, Path dataDir) {
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        inter.broker.listener.name=PLAINTEXT
        log.dirs=%3$s
        num.partitions=1
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        auto.create.topics.enable=true
        """
        .formatted(ports.kafka(), ports.kafkaController(), dataDir);
  }

  /**
   * A cluster id in the form Kafka's own {@code Uuid} prints: 16 random bytes, URL-safe base64
   * without padding, never starting with '-' (Kafka's tools would read that as an option).
   */
  static String newClusterId() {
    while (true) {
      var uuid = UUID.randomUUID();
      var bytes =
          ByteBuffer.allocate(16)
              .putLong(uuid.getMostSignificantBits())
              .putLong(uuid.getLeastSignificantBits())
              .array();
      var id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }

  private static String classpath(StackConfig config) {
    var lib = config.kafkaLibDir();
    if (!Files.isDirectory(lib)) {
      throw new StackStartupException(
          "The Kafka broker's jars are missing in "
              + lib
              + "; build them with ./mvnw -B -q -DskipTests package (or run local-stack/run.sh)");
    }
    return lib.resolve("*").toString();
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
