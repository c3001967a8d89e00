package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SinkHttpServerTest {

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private SlackSink slack;
  private MailSink mail;
  private SinkHttpServer server;
  private int smtpPort;

  @BeforeEach
  void start() throws Exception {
    smtpPort = freePort();
    slack = new SlackSink(dir.resolve("slack"), Clock.systemUTC());
    mail = MailSink.start(smtpPort, dir.resolve("mail"), Clock.systemUTC());
    server = SinkHttpServer.start(freePort(), slack, mail);
  }

  @AfterEach
  void stop() {
    server.close();
    mail.close();
  }

  @Test
  void webhookPostIsAnsweredOkAndServedBackAsJson() throws Exception {
    var posted = post("/slack/webhook", "{\"text\":\"P0: ghcr.io/acme/api:1.0\"}");

    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("ok");
    var listed = get("/slack/messages");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    var messages = json.readTree(listed.body());
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).path("payload").path("text").asString())
        .isEqualTo("P0: ghcr.io/acme/api:1.0");
  }

  @Test
  void webhookAnswersSlacksErrorsForBadPayloads() throws Exception {
    var posted = post("/slack/webhook", "not json");

    assertThat(posted.statusCode()).isEqualTo(400);
    assertThat(posted.body()).isEqualTo("invalid_payload");
    assertThat(json.readTree(get("/slack/messages").body())).isEmpty();
  }

  @Test
  void mailSentOverSmtpIsListedWithSubjectAndTextWithUnixLineEnds() throws Exception {
    var properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(smtpPort));
    var message = new MimeMessage(Session.getInstance(properties));
    message.setFrom("scanwatch@localhost");
    message.setRecipients(Message.RecipientType.TO, "security-team@localhost");
    message.setSubject("[P0] ghcr.io/acme/api:1.0");
    message.setText("1 CRITICAL\nfix within 48 h");
    Transport.send(message);

    var messages = json.readTree(get("/mail/messages").body());

    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).path("subject").asString()).isEqualTo("[P0] ghcr.io/acme/api:1.0");
    assertThat(messages.get(0).path("to").asString()).isEqualTo("security-team@localhost");
    assertThat(messages.get(0).path("text").asString()).isEqualTo("1 CRITICAL\nfix within 48 h");
  }

  @Test
  void unknownPathsAndWrongMethodsAreRefused() throws Exception {
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
    assertThat(get("/slack/webhook").statusCode()).isEqualTo(405);
    assertThat(post("/mail/messages", "{}").statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
