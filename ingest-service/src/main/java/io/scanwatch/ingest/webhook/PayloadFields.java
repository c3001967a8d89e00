package io.scanwatch.ingest.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reading webhook payloads forgivingly: registries send blanks for absent values, numbers for
 * times, and digests with or without their algorithm. Every method answers {@code null} or empty
 * rather than failing on a node of the wrong type.
 */
public final class PayloadFields {

  private static final Pattern BARE_SHA256 = Pattern.compile("[a-fA-F0-9]{64}");
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("sha512:[a-f0-9]{128}");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private PayloadFields() {}

  /** The field's text when it is a non-blank string or a number, else {@code null}. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !(value.isString() || value.isNumber())) {
      return null;
    }
    String text = value.asString().strip();
    return text.isEmpty() ? null : text;
  }

  /** The field as an object node, or {@code null} when it is missing or not an object. */
  public static JsonNode object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isObject() ? value : null;
  }

  /** The non-blank strings of an array field; empty when the field is missing or not an array. */
  public static List<String> texts(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    List<String> texts = new ArrayList<>();
    if (value != null && value.isArray()) {
      for (JsonNode element : value) {
        if (element.isString() && !element.asString().isBlank()) {
          texts.add(element.asString().strip());
        }
      }
    }
    return texts;
  }

  /**
   * A time given as epoch seconds (a number or a string of digits) or as an RFC 3339 string; {@code
   * null} when absent, unreadable, or outside 1970 to 9999 (the range of the times events carry).
   */
  public static Instant instant(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return value.canConvertToLong() ? epochSeconds(value.asLong()) : null;
    }
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    if (text.chars().allMatch(Character::isDigit) && text.length() <= 12) {
      return epochSeconds(Long.parseLong(text));
    }
    try {
      return plausible(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notRfc3339) {
      return null;
    }
  }

  private static Instant epochSeconds(long seconds) {
    return seconds < 0 || seconds > LATEST.getEpochSecond() ? null : Instant.ofEpochSecond(seconds);
  }

  /**
   * The instant, or {@code null} outside 1970 to 9999: no registry sends such a time, and an event
   * id, which holds its time in milliseconds, could not hold the extremes.
   */
  private static Instant plausible(Instant instant) {
    return instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST) ? null : instant;
  }

  /**
   * A digest in its canonical form, as the OCI image spec registers them: {@code sha256:} and 64
   * lower-case hex, or {@code sha512:} and 128. A bare 64-hex value gets {@code sha256:}; anything
   * else (a masked {@code sha256:xxxx}, a truncated documentation sample) gives {@code null}, since
   * an image must never be filed under a digest it does not have.
   */
  public static String digest(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String digest = value.strip().toLowerCase(Locale.ROOT);
    if (BARE_SHA256.matcher(digest).matches()) {
      return "sha256:" + digest;
    }
    return SHA256.matcher(digest).matches() || SHA512.matcher(digest).matches() ? digest : null;
  }

  /** The host of an {@code https://host[:port]/…} URL or of a {@code host/path} reference. */
  public static String host(String urlOrReference) {
    if (urlOrReference == null || urlOrReference.isBlank()) {
      return null;
    }
    String rest = urlOrReference.strip();
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    }
    int slash = rest.indexOf('/');
    String host = slash >= 0 ? rest.substring(0, slash) : rest;
    return host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
  }
}
