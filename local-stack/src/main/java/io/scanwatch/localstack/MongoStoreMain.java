package io.scanwatch.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs mongo-java-server on 127.0.0.1 with its H2 file backend, so the services' data survives a
 * restart, or with its memory backend. Run by {@link MongoStoreProcess} as its own process: {@code
 * MongoStoreMain <port> <h2-file>} or {@code MongoStoreMain <port> memory}.
 */
public final class MongoStoreMain {

  /** Printed once the store accepts connections. */
  static final String READY_LINE = "Mongo store listening on";

  /** The second argument that asks for the memory backend instead of a file. */
  static final String MEMORY = "memory";

  private MongoStoreMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MongoStoreMain <port> <h2-file>|" + MEMORY);
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    MongoBackend backend;
    String where;
    if (args[1].equals(MEMORY)) {
      backend = new MemoryBackend();
      where = "memory only, lost when the store stops";
    } else {
      var file = Path.of(args[1]).toAbsolutePath();
      Files.createDirectories(file.getParent());
      backend = new H2Backend(file.toString());
      where = "data in " + file;
    }

    var server = new MongoServer(backend);
    // Change streams only work with the oplog on; services may watch collections.
    server.enableOplog();
    server.bind("127.0.0.1", port);
    // shutdownNow closes the H2 store, which flushes it: without it the last writes are lost.
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-store-shutdown"));
    System.out.println(READY_LINE + " 127.0.0.1:" + port + ", " + where);
    Thread.currentThread().join();
  }
}
