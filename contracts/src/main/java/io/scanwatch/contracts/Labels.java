package io.scanwatch.contracts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels of an image, such as {@code team=payments} or {@code environment=production}: they select
 * its policy. Names are lower-case words (Kubernetes-style prefixes allowed), values short text.
 */
public final class Labels {

  /** The most labels an image carries. */
  public static final int MAX_LABELS = 20;

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._/-]{0,61}[a-z0-9])?");
  private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{N}._:/@+-]{0,128}");

  private Labels() {}

  /**
   * Reads {@code name=value} pairs. A name given twice is refused, even with the same value: which
   * one was meant cannot be known, and keeping either would select a policy silently.
   *
   * @throws IllegalArgumentException naming the pair that is not a label, or the name given twice
   */
  public static Map<String, String> parse(Collection<String> pairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "a label is name=value, e.g. team=payments; got '" + abbreviate(pair) + "'");
      }
      String name = pair.substring(0, equals).strip();
      if (labels.putIfAbsent(name, pair.substring(equals + 1).strip()) != null) {
        throw new IllegalArgumentException("label '" + abbreviate(name) + "' given twice");
      }
    }
    return validated(labels);
  }

  /**
   * Checks every name and value.
   *
   * @throws IllegalArgumentException naming the label that is not valid
   */
  public static Map<String, String> validated(Map<String, String> labels) {
    if (labels.size() > MAX_LABELS) {
      throw new IllegalArgumentException("at most " + MAX_LABELS + " labels");
    }
    labels.forEach(
        (name, value) -> {
          if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "label name '"
                    + abbreviate(name)
                    + "' must be lower-case letters, digits, '.', '_', '-' or '/'");
          }
          if (value == null || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                "the value of label '" + name + "' must be at most 128 letters, digits or ._:/@+-");
          }
        });
    return Map.copyOf(labels);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
