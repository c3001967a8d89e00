package io.scanwatch.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * What the local stack's Slack sink received, read from the files it writes one per message ({@code
 * <state dir>/slack/yyyyMMdd-HHmmss-SSS-<sequence>.json}, named by the time it received the
 * message, in milliseconds). Each message is matched to the harness's images by the unique name
 * every image carries; a grouped message counts for each image it names.
 */
final class SlackSinkFiles {

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final Path dir;
  private final Pattern imageName;
  private final Set<String> read = new HashSet<>();
  private final Map<String, Instant> firstReceived = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> messages = new ConcurrentHashMap<>();

  /**
   * @param imageName matches the unique part of the harness's image names in a message's text
   */
  SlackSinkFiles(Path dir, Pattern imageName) {
    this.dir = dir;
    this.imageName = imageName;
  }

  /** Reads the messages that arrived since the last call. */
  synchronized void poll() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") || read.contains(name)) {
          continue;
        }
        String body;
        try {
          body = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
          continue;
        }
        // The sink may still be writing it: read it again on the next poll.
        if (!body.strip().endsWith("}")) {
          continue;
        }
        read.add(name);
        Instant receivedAt =
            LocalDateTime.parse(name.substring(0, 19), NAME_TIME).toInstant(ZoneOffset.UTC);
        var images = new HashSet<String>();
        imageName.matcher(body).results().forEach(match -> images.add(match.group()));
        for (String image : images) {
          firstReceived.merge(image, receivedAt, (a, b) -> a.isBefore(b) ? a : b);
          messages.computeIfAbsent(image, unused -> new AtomicInteger()).incrementAndGet();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Slack sink's messages in " + dir, e);
    }
  }

  /** When the sink first received a message naming {@code image}, or {@code null}. */
  Instant receivedAt(String image) {
    return firstReceived.get(image);
  }

  /** How many messages named {@code image}. */
  int messagesAbout(String image) {
    var count = messages.get(image);
    return count == null ? 0 : count.get();
  }
}
