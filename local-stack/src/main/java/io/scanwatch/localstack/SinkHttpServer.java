package io.scanwatch.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The sinks' HTTP face on 127.0.0.1: the Slack-compatible webhook {@code POST /slack/webhook}, and
 * {@code GET /slack/messages} and {@code GET /mail/messages} listing what arrived, as JSON.
 */
public final class SinkHttpServer implements AutoCloseable {

  /** The path notifier-service posts Slack messages to. */
  public static final String SLACK_WEBHOOK_PATH = "/slack/webhook";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ExecutorService executor;

  private SinkHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving {@code slack} and {@code mail} on {@code port}. */
  public static SinkHttpServer start(int port, SlackSink slack, MailSink mail) {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      var executor = Executors.newVirtualThreadPerTaskExecutor();
      server.setExecutor(executor);
      server.createContext("/", exchange -> handle(exchange, slack, mail));
      server.start();
      return new SinkHttpServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private static void handle(HttpExchange exchange, SlackSink slack, MailSink mail)
      throws IOException {
    try (exchange) {
      var path = exchange.getRequestURI().getPath();
      var method = exchange.getRequestMethod();
      switch (path) {
        case SLACK_WEBHOOK_PATH -> {
          if (!method.equals("POST")) {
            send(exchange, 405, "text/plain", "invalid_method");
            return;
          }
          var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          var response = slack.receive(body);
          if (response.status() != 200) {
            System.out.println(
                "Slack sink rejected a message with " + response.body() + ": " + body);
          }
          send(exchange, response.status(), "text/plain", response.body());
        }
        case "/slack/messages" -> sendJsonIfGet(exchange, method, slackMessages(slack));
        case "/mail/messages" -> sendJsonIfGet(exchange, method, mailMessages(mail));
        default -> send(exchange, 404, "text/plain", "not_found");
      }
    }
  }

  static ArrayNode slackMessages(SlackSink slack) {
    var array = JSON.createArrayNode();
    for (var message : slack.messages()) {
      array
          .addObject()
          .put("sequence", message.sequence())
          .put("receivedAt", message.receivedAt().toString())
          .put("file", message.file().toString())
          .set("payload", parsed(message.body()));
    }
    return array;
  }

  static ArrayNode mailMessages(MailSink mail) {
    var array = JSON.createArrayNode();
    for (var message : mail.messages()) {
      array
          .addObject()
          .put("sequence", message.sequence())
          .put("receivedAt", message.receivedAt().toString())
          .put("from", message.from())
          .put("to", message.to())
          .put("subject", message.subject())
          .put("text", message.text())
          .put("file", message.file().toString());
    }
    return array;
  }

  private static JsonNode parsed(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.getNodeFactory().stringNode(body);
    }
  }

  private static void sendJsonIfGet(HttpExchange exchange, String method, JsonNode json)
      throws IOException {
    if (!method.equals("GET")) {
      send(exchange, 405, "text/plain", "method_not_allowed");
      return;
    }
    send(
        exchange,
        200,
        "application/json",
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
