package io.scanwatch.notifier.channel.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that answers as a test scripts it, for the failures GreenMail cannot produce: a
 * refusal with a given reply at a given command, a refusal on the first connection only, or no
 * answer at all.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  /**
   * One connection's script.
   *
   * @param command the command (upper case: {@code MAIL}, {@code RCPT}, {@code DATA} for the end of
   *     the message) answered with {@code reply}; any other is accepted
   * @param reply the full reply line, e.g. {@code 421 4.7.0 Try again later}
   */
  record Script(String command, String reply) {

    /** Accepts everything. */
    static final Script ACCEPT = new Script("", "");

    /** Takes the connection and never says a word. */
    static final Script SILENT = new Script("", null);
  }

  private final ServerSocket server;
  private final List<Script> scripts;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /**
   * @param scripts the script of the first, second, … connection; the last applies to every
   *     connection after it
   */
  ScriptedSmtpServer(Script... scripts) {
    this.scripts = List.of(scripts);
    try {
      server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("scripted-smtp").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int index = Math.min(connections.getAndIncrement(), scripts.size() - 1);
        Script script = scripts.get(index);
        Thread.ofVirtual().start(() -> converse(socket, script));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket socket, Script script) {
    if (script.reply() == null) {
      return; // silent: hold the connection open until the server closes
    }
    try (socket;
        var in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream()) {
      send(out, "220 scripted.test ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO", "HELO" -> send(out, "250 scripted.test");
          case "DATA" -> {
            send(out, "354 end with <CRLF>.<CRLF>");
            String data;
            while ((data = in.readLine()) != null && !data.equals(".")) {
              // the message itself is of no interest
            }
            send(out, script.command().equals("DATA") ? script.reply() : "250 2.0.0 queued");
          }
          case "QUIT" -> {
            send(out, "221 bye");
            return;
          }
          default -> send(out, script.command().equals(command) ? script.reply() : "250 2.0.0 ok");
        }
      }
    } catch (SocketException closedByClient) {
      // the client hung up after a refusal
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
