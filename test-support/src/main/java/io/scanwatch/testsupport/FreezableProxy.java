package io.scanwatch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Relays TCP connections to a target until frozen; then it still reads what either side sends but
 * passes nothing on, as a server that accepts requests and stops answering looks to its clients.
 */
public final class FreezableProxy implements AutoCloseable {

  private final ServerSocket listener = new ServerSocket(0, 50, null);
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean frozen;

  /** Listens on a free port of this host and relays every connection to {@code target}. */
  public FreezableProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    Thread.ofVirtual().name("proxy-accept").start(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** A MongoDB connection string for {@code database} through this proxy. */
  public String mongoUri(String database) {
    return "mongodb://127.0.0.1:" + port() + "/" + database;
  }

  /** From now on nothing is relayed, in either direction, on any connection. */
  public void freeze() {
    frozen = true;
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        Thread.ofVirtual().start(() -> relay(client, upstream));
        Thread.ofVirtual().start(() -> relay(upstream, client));
      }
    } catch (IOException closed) {
      // the proxy was closed
    }
  }

  private void relay(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        if (!frozen) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
    } catch (IOException closed) {
      // one side went away
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
