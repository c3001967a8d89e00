package io.scanwatch.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example messages in {@code examples/notifications/}, which show a reader what each receiver
 * gets. A test fails when a rendering no longer matches its file; after a deliberate change,
 * regenerate them with {@code ./mvnw test -pl notifier-service -Dtest='*GoldenExampleTest'
 * -Dscanwatch.examples.write=true} and review the diff.
 */
public final class GoldenFile {

  /** The system property that rewrites the files instead of comparing. */
  public static final String WRITE_PROPERTY = "scanwatch.examples.write";

  private static final Path EXAMPLES = Path.of("..", "examples", "notifications");

  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private GoldenFile() {}

  /**
   * Asserts that {@code examples/notifications/<name>} holds {@code json}. Objects compare by their
   * properties, not their order, since an event's labels are a map without one.
   */
  public static void assertJsonMatches(String name, JsonNode json) {
    Path file = EXAMPLES.resolve(name);
    String rendered = PRETTY.writeValueAsString(json) + "\n";
    write(file, rendered);
    String stored = read(file);
    if (!PRETTY.readTree(stored).equals(json)) {
      assertThat(stored).as(differs(file)).isEqualTo(rendered);
    }
  }

  /** Asserts that {@code text} is the content of {@code examples/notifications/<name>}. */
  public static void assertTextMatches(String name, String text) {
    Path file = EXAMPLES.resolve(name);
    write(file, text);
    assertThat(read(file)).as(differs(file)).isEqualTo(text);
  }

  private static void write(Path file, String text) {
    if (!Boolean.getBoolean(WRITE_PROPERTY)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    assertThat(file).as("%s is missing; write it with -D%s=true", file, WRITE_PROPERTY).exists();
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String differs(Path file) {
    return file
        + " differs from the rendering; if the change is intended, rewrite it with -D"
        + WRITE_PROPERTY
        + "=true";
  }
}
