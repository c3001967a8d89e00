package io.scanwatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for a Slack incoming webhook: accepts what Slack would accept, answers like Slack, and
 * keeps every accepted message in memory and as a {@code .json} file.
 */
public final class SlackSink {

  /** A message the sink accepted, and the file it was written to. */
  public record SlackMessage(int sequence, Instant receivedAt, String body, Path file) {}

  /** The HTTP status and plain-text body Slack answers a webhook call with. */
  public record WebhookResponse(int status, String body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path dir;
  private final Clock clock;
  private final List<SlackMessage> messages = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();

  public SlackSink(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /**
   * Handles one webhook call the way Slack does: {@code 200 ok} for a JSON object with {@code
   * text}, {@code blocks} or {@code attachments}, {@code 400 invalid_payload} or {@code 400
   * no_text} otherwise, so a notifier bug shows up here as it would in production.
   */
  public WebhookResponse receive(String body) {
    JsonNode payload;
    try {
      payload = JSON.readTree(body);
    } catch (JacksonException e) {
      return new WebhookResponse(400, "invalid_payload");
    }
    if (payload == null || !payload.isObject()) {
      return new WebhookResponse(400, "invalid_payload");
    }
    if (!payload.has("text") && !payload.has("blocks") && !payload.has("attachments")) {
      return new WebhookResponse(400, "no_text");
    }
    record(body);
    return new WebhookResponse(200, "ok");
  }

  /** Every message accepted since the sink was created, oldest first. */
  public List<SlackMessage> messages() {
    return List.copyOf(messages);
  }

  private void record(String body) {
    var receivedAt = clock.instant();
    int number = sequence.incrementAndGet();
    var file = dir.resolve(SinkFiles.name(receivedAt, number, "json"));
    try {
      Files.createDirectories(dir);
      Files.writeString(file, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    messages.add(new SlackMessage(number, receivedAt, body, file));
  }
}
