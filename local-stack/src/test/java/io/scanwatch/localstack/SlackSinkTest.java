package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackSinkTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

  @TempDir Path dir;

  private final SlackSink sink =
      new SlackSink(Path.of("never-written"), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void acceptedMessageIsAnsweredOkLikeSlackAndKeptInMemoryAndOnDisk() throws Exception {
    var sink = new SlackSink(dir.resolve("slack"), Clock.fixed(NOW, ZoneOffset.UTC));
    var body = "{\"text\":\"P0 alert\",\"blocks\":[]}";

    var response = sink.receive(body);

    assertThat(response).isEqualTo(new SlackSink.WebhookResponse(200, "ok"));
    assertThat(sink.messages())
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.body()).isEqualTo(body);
              assertThat(message.receivedAt()).isEqualTo(NOW);
              assertThat(message.file()).hasFileName("20260102-030405-678-001.json");
              assertThat(Files.readString(message.file())).isEqualTo(body);
            });
  }

  @Test
  void blocksAloneOrAttachmentsAloneAreEnough() {
    var sink = new SlackSink(dir, Clock.systemUTC());

    assertThat(sink.receive("{\"blocks\":[{\"type\":\"divider\"}]}").status()).isEqualTo(200);
    assertThat(sink.receive("{\"attachments\":[{\"text\":\"x\"}]}").status()).isEqualTo(200);
    assertThat(sink.messages()).hasSize(2);
  }

  @Test
  void bodyThatIsNotAJsonObjectIsRejectedAsInvalidPayload() {
    assertThat(sink.receive("text=hello"))
        .isEqualTo(new SlackSink.WebhookResponse(400, "invalid_payload"));
    assertThat(sink.receive("[1,2]"))
        .isEqualTo(new SlackSink.WebhookResponse(400, "invalid_payload"));
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void messageWithNothingToShowIsRejectedAsNoText() {
    assertThat(sink.receive("{\"username\":\"scanwatch\"}"))
        .isEqualTo(new SlackSink.WebhookResponse(400, "no_text"));
    assertThat(sink.messages()).isEmpty();
  }
}
