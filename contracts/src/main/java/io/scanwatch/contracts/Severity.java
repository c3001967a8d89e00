package io.scanwatch.contracts;

import java.util.Locale;

/** Vulnerability severity as the scanner reports it, most severe first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  UNKNOWN;

  /**
   * Reads a scanner's severity label. A missing or unrecognised label is {@link #UNKNOWN}: it is
   * never dropped and never guessed up or down.
   */
  public static Severity fromLabel(String label) {
    if (label == null) {
      return UNKNOWN;
    }
    return switch (label.strip().toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> CRITICAL;
      case "HIGH" -> HIGH;
      case "MEDIUM" -> MEDIUM;
      case "LOW" -> LOW;
      default -> UNKNOWN;
    };
  }
}
