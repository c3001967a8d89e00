package io.scanwatch.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@link MongoStoreMain} as its own process, on the launcher's own classpath. */
public final class MongoStoreProcess {

  /**
   * A quick start like the services', and an exit the launcher notices rather than a store that
   * lives on collecting garbage when its heap is full.
   */
  private static final List<String> JVM_FLAGS =
      List.of(
          "-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

  private MongoStoreProcess() {}

  /**
   * Starts the store on the configured port, its file under the state dir unless the config asks
   * for the memory backend; see {@link #isReady}.
   */
  public static ChildProcess start(StackConfig config) {
    var dir = config.dir("mongo");
    return ChildProcess.start("mongo", command(config), Map.of(), dir, config.logFile("mongo"));
  }

  /**
   * The store's command line: its flags, then the configured JVM options, which win, except for the
   * heap, which its backend decides (an {@code -Xmx} meant for the services must not shrink it).
   */
  static List<String> command(StackConfig config) {
    var command = new ArrayList<>(List.of(ChildProcess.javaBinary()));
    command.addAll(JVM_FLAGS);
    command.addAll(config.javaOptions());
    command.add(maxHeap(config.store()));
    command.addAll(
        List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-cp",
            System.getProperty("java.class.path"),
            MongoStoreMain.class.getName(),
            Integer.toString(config.ports().mongo()),
            config.store() == StoreBackend.MEMORY
                ? MongoStoreMain.MEMORY
                : config.dir("mongo").resolve("scanwatch.mv").toString()));
    return command;
  }

  /**
   * The file backend keeps its documents on disk with a small page cache. The memory backend holds
   * every document as Java objects: about 0.35 MB per realistic report (94 findings) across the
   * three services' databases, so 4 GB hold about ten thousand of them before the collector
   * thrashes (docs/benchmarks.md); the heap is taken from the system only as it fills.
   */
  private static String maxHeap(StoreBackend store) {
    return store == StoreBackend.MEMORY ? "-Xmx4g" : "-Xmx256m";
  }

  /** Whether the store has said it listens, and accepts connections. */
  public static boolean isReady(ChildProcess store, StackConfig config) {
    return store.logContains(MongoStoreMain.READY_LINE)
        && PortAvailability.isListening(config.ports().mongo());
  }
}
