package io.scanwatch.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;

/** Checks the stack's ports before anything starts, so a clash fails fast with a clear message. */
public final class PortAvailability {

  private static final int CONNECT_TIMEOUT_MILLIS = 200;

  private PortAvailability() {}

  /** The entries of {@code ports} (name to port) that something on 127.0.0.1 already holds. */
  public static List<String> taken(Map<String, Integer> ports) {
    return ports.entrySet().stream()
        .filter(entry -> !isFree(entry.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Whether this process could listen on {@code port} on the loopback address. */
  public static boolean isFree(int port) {
    try (var socket = new ServerSocket()) {
      // As servers bind: a port whose last connection lingers in TIME_WAIT is still free.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether something accepts connections on {@code port} on the loopback address. */
  public static boolean isListening(int port) {
    try (var socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
