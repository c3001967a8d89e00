package io.scanwatch.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@link MongoStoreMain} as its own process, on the launcher's own classpath. */
public final class MongoStoreProcess {

  private static final List<String> JVM_FLAGS =
      List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private MongoStoreProcess() {}

  /**
   * Starts the store on the configured port, its file under the state dir unless the config asks
   * for the memory backend; see {@link #isReady}.
   */
  public static ChildProcess start(StackConfig config) {
    var dir = config.dir("mongo");
    var command = new ArrayList<>(List.of(ChildProcess.javaBinary()));
    command.addAll(JVM_FLAGS);
    command.addAll(config.javaOptions());
    command.addAll(
        List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-cp",
            System.getProperty("java.class.path"),
            MongoStoreMain.class.getName(),
            Integer.toString(config.ports().mongo()),
            config.store() == StoreBackend.MEMORY
                ? MongoStoreMain.MEMORY
                : dir.resolve("scanwatch.mv").toString()));
    return ChildProcess.start("mongo", command, Map.of(), dir, config.logFile("mongo"));
  }

  /** Whether the store has said it listens, and accepts connections. */
  public static boolean isReady(ChildProcess store, StackConfig config) {
    return store.logContains(MongoStoreMain.READY_LINE)
        && PortAvailability.isListening(config.ports().mongo());
  }
}
