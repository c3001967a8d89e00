package io.scanwatch.localstack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Names the files the sinks write, so they sort by arrival across runs. */
final class SinkFiles {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private SinkFiles() {}

  static String name(Instant receivedAt, int sequence, String extension) {
    return "%s-%03d.%s".formatted(TIMESTAMP.format(receivedAt), sequence, extension);
  }
}
