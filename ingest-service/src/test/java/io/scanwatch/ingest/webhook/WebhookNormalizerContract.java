package io.scanwatch.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every registry's {@link WebhookNormalizer} must do, whatever its payloads look like: read
 * its own samples into well-formed events, say "unrecognized" to an empty object, and never throw,
 * not even on its own samples with every value replaced by a value of another type.
 *
 * <p>A registry's test extends this, names its normalizer and its sample files (under {@code
 * src/test/resources/webhooks/}), and adds the expected values of each sample.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebhookNormalizerContract {

  protected static final JsonMapper JSON = JsonMapper.builder().build();

  /** The normalizer under test. */
  protected abstract WebhookNormalizer normalizer();

  /** Resource paths (under {@code webhooks/}) of payloads this provider really sends. */
  protected abstract List<String> samples();

  /** Reads a sample from {@code src/test/resources/webhooks/}. */
  protected static JsonNode sample(String path) {
    try (InputStream in =
        WebhookNormalizerContract.class.getResourceAsStream("/webhooks/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource webhooks/" + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Normalizes a sample with the given headers. */
  protected WebhookOutcome normalize(String path, Map<String, String> headers) {
    return normalizer().normalize(new WebhookPayload(sample(path), headers));
  }

  /** Normalizes a sample, without headers. */
  protected WebhookOutcome normalize(String path) {
    return normalize(path, Map.of());
  }

  /** The events of a sample that must normalize to events. */
  protected List<RegistryEvent> events(String path, Map<String, String> headers) {
    WebhookOutcome outcome = normalize(path, headers);
    assertThat(outcome).isInstanceOf(WebhookOutcome.Normalized.class);
    return ((WebhookOutcome.Normalized) outcome).events();
  }

  protected List<RegistryEvent> events(String path) {
    return events(path, Map.of());
  }

  /** Headers the samples need (an event-type header, say); none by default. */
  protected Map<String, String> headersFor(String sample) {
    return Map.of();
  }

  Stream<String> sampleNames() {
    return samples().stream();
  }

  @Test
  void providerIsALowerCasePathSegmentAndTheExpectedShapeIsNamed() {
    assertThat(normalizer().provider()).matches("[a-z][a-z0-9-]*");
    assertThat(normalizer().expectedShape()).isNotBlank();
    assertThat(normalizer().authentication()).isNotNull();
  }

  @Test
  void anEmptyObjectIsUnrecognizedWithAReason() {
    WebhookOutcome outcome = normalizer().normalize(WebhookPayload.of(JSON.createObjectNode()));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            WebhookOutcome.Unrecognized.class, u -> assertThat(u.reason()).isNotBlank());
  }

  @Test
  void jsonThatIsNotAnObjectIsUnrecognized() {
    for (JsonNode body :
        List.<JsonNode>of(
            JSON.createArrayNode(),
            JsonNodeFactory.instance.stringNode("push"),
            JsonNodeFactory.instance.numberNode(1),
            JsonNodeFactory.instance.nullNode())) {
      assertThat(normalizer().normalize(WebhookPayload.of(body)))
          .as("body %s", body)
          .isInstanceOf(WebhookOutcome.Unrecognized.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleNames")
  void everySampleIsReadIntoWellFormedEventsOrIgnoredWithAReason(String sample) {
    WebhookOutcome outcome = normalize(sample, headersFor(sample));

    assertThat(outcome).isNotInstanceOf(WebhookOutcome.Unrecognized.class);
    if (outcome instanceof WebhookOutcome.Normalized normalized) {
      assertThat(normalized.events()).isNotEmpty();
      for (RegistryEvent event : normalized.events()) {
        assertThat(event.repository()).doesNotStartWith("/").doesNotEndWith("/");
        if (event.digest() != null) {
          assertThat(event.digest()).matches("[a-z0-9]+:[a-zA-Z0-9=_-]+");
        }
        assertThat(event.tags()).allSatisfy(tag -> assertThat(tag).doesNotContain(":", "@"));
      }
    } else {
      assertThat(((WebhookOutcome.Ignored) outcome).reason()).isNotBlank();
    }
    assertThat(normalize(sample, headersFor(sample))).isEqualTo(outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleNames")
  void everySampleWithItsValuesSwappedForOtherTypesNeverThrows(String sample) {
    JsonNode original = sample(sample);
    for (JsonNode replacement :
        List.<JsonNode>of(
            JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.numberNode(-1),
            JsonNodeFactory.instance.stringNode(""),
            JsonNodeFactory.instance.booleanNode(true),
            JSON.createArrayNode(),
            JSON.createObjectNode())) {
      JsonNode hostile = replaceLeaves(original, replacement);
      assertThatCode(() -> normalizer().normalize(new WebhookPayload(hostile, headersFor(sample))))
          .as("leaves replaced by %s", replacement)
          .doesNotThrowAnyException();
      for (String field : fieldNames(original)) {
        JsonNode oneFieldSwapped = replaceField(original, field, replacement);
        assertThatCode(
                () ->
                    normalizer().normalize(new WebhookPayload(oneFieldSwapped, headersFor(sample))))
            .as("field %s replaced by %s", field, replacement)
            .doesNotThrowAnyException();
      }
    }
  }

  private static JsonNode replaceLeaves(JsonNode node, JsonNode replacement) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.properties()
          .forEach(e -> copy.set(e.getKey(), replaceLeaves(e.getValue(), replacement)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(replaceLeaves(element, replacement)));
      return copy;
    }
    return replacement;
  }

  private static List<String> fieldNames(JsonNode node) {
    var names = new ArrayList<String>();
    collectFieldNames(node, names);
    return names.stream().distinct().toList();
  }

  private static void collectFieldNames(JsonNode node, List<String> names) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                names.add(e.getKey());
                collectFieldNames(e.getValue(), names);
              });
    } else if (node.isArray()) {
      node.forEach(element -> collectFieldNames(element, names));
    }
  }

  private static JsonNode replaceField(JsonNode node, String field, JsonNode replacement) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.properties()
          .forEach(
              e ->
                  copy.set(
                      e.getKey(),
                      e.getKey().equals(field)
                          ? replacement
                          : replaceField(e.getValue(), field, replacement)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(replaceField(element, field, replacement)));
      return copy;
    }
    return node;
  }
}
