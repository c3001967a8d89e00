package io.scanwatch.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs mongo-java-server on 127.0.0.1 with its H2 file backend, so the services' data survives a
 * restart. Run by {@link MongoStoreProcess} as its own process: {@code MongoStoreMain <port>
 * <file>}.
 */
public final class MongoStoreMain {

  /** Printed once the store accepts connections. */
  static final String READY_LINE = "Mongo store listening on";

  private MongoStoreMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MongoStoreMain <port> <h2-file>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    var file = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(file.getParent());

    var server = new MongoServer(new H2Backend(file.toString()));
    // Change streams only work with the oplog on; services may watch collections.
    server.enableOplog();
    server.bind("127.0.0.1", port);
    // shutdownNow closes the H2 store, which flushes it: without it the last writes are lost.
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-store-shutdown"));
    System.out.println(READY_LINE + " 127.0.0.1:" + port + ", data in " + file);
    Thread.currentThread().join();
  }
}
