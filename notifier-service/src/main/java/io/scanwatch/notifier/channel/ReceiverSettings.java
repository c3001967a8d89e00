package io.scanwatch.notifier.channel;

import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.net.URI;

/**
 * The checks channel factories share. Every message names the receiver and the setting, and never
 * the value of a secret setting (URL, token, secret).
 */
public final class ReceiverSettings {

  private ReceiverSettings() {}

  /** The receiver's name, which must be one lower-case word since delivery ids carry it. */
  public static String name(ReceiverProperties receiver) {
    String name = receiver.name();
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "receiver '"
              + name
              + "' ("
              + receiver.type()
              + "): name must be one lower-case word (a-z, 0-9, -)");
    }
    return name;
  }

  /** The receiver's {@code url}, required, absolute http or https. */
  public static URI httpUrl(ReceiverProperties receiver) {
    if (receiver.url() == null) {
      throw invalid(receiver, "url is required");
    }
    return httpUrlOr(receiver, null);
  }

  /** The receiver's {@code url}, absolute http or https, or {@code otherwise} when not set. */
  public static URI httpUrlOr(ReceiverProperties receiver, URI otherwise) {
    URI url = receiver.url();
    if (url == null) {
      return otherwise;
    }
    boolean http =
        "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
    if (!http || url.getHost() == null) {
      // The URL itself is not quoted: it may embed a token.
      throw invalid(receiver, "url must be an absolute http or https URL");
    }
    return url;
  }

  /** A required text setting; {@code value} is never quoted, as it may be a secret. */
  public static String required(ReceiverProperties receiver, String setting, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(receiver, setting + " is required");
    }
    return value.strip();
  }

  /** The rate limit: the configured one, which must not be negative, else {@code typeDefault}. */
  public static double maxPerSecond(ReceiverProperties receiver, double typeDefault) {
    double maxPerSecond = receiver.maxPerSecondOr(typeDefault);
    if (!(maxPerSecond >= 0) || Double.isInfinite(maxPerSecond)) {
      throw invalid(receiver, "max-per-second must be a number >= 0 (0: no limit)");
    }
    return maxPerSecond;
  }

  /** A configuration error about {@code receiver}. */
  public static IllegalArgumentException invalid(ReceiverProperties receiver, String problem) {
    return new IllegalArgumentException(
        "receiver '" + receiver.name() + "' (" + receiver.type() + "): " + problem);
  }
}
