package io.scanwatch.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.Callable;

/**
 * A Mongo-compatible store of its own that a test stops and starts again on the same port, as a
 * database that goes away and comes back looks to its clients. What it held is gone after a stop.
 */
public final class RestartableStore implements AutoCloseable {

  private final int port = freePort();
  private MongoServer server;

  /** Starts the store on a free port of this host. */
  public RestartableStore() {
    start();
  }

  /**
   * A connection string for {@code database} whose client gives up on an unreachable store after a
   * second, so a request made during an outage fails quickly instead of after the driver's 30 s.
   */
  public String mongoUri(String database) {
    return "mongodb://127.0.0.1:"
        + port
        + "/"
        + database
        + "?serverSelectionTimeoutMS=1000&connectTimeoutMS=500";
  }

  /** Closes every connection and stops listening. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }

  /** Listens again on the same port, empty. */
  public synchronized void start() {
    if (server == null) {
      server = new MongoServer(new MemoryBackend());
      server.bind("127.0.0.1", port);
    }
  }

  /** What {@code action} returns while the store is stopped; it is started again afterwards. */
  public <T> T whileStopped(Callable<T> action) throws Exception {
    stop();
    try {
      return action.call();
    } finally {
      start();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
