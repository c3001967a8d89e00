package io.scanwatch.contracts;

/**
 * Kafka topic names. One event type per topic; a breaking change to an event gets a new {@code v2}
 * topic rather than a new shape on the old one.
 */
public final class Topics {

  /** {@link ImageEvent}s from registry webhooks, keyed by {@link ImageEvent#repositoryKey()}. */
  public static final String IMAGE_EVENTS = "scanwatch.image-events.v1";

  /** {@link ScanReported} events, keyed by {@link ImageReference#repositoryKey()}. */
  public static final String SCAN_REPORTS = "scanwatch.scan-reports.v1";

  /** {@link VerdictIssued} events, keyed by {@link ImageReference#repositoryKey()}. */
  public static final String VERDICTS = "scanwatch.verdicts.v1";

  /** {@link AlertEvent}s, keyed by {@link AlertEvent#alertId()}. */
  public static final String ALERTS = "scanwatch.alerts.v1";

  /** {@link PolicyNotice}s, keyed by their subject. */
  public static final String NOTICES = "scanwatch.notices.v1";

  /** Header carrying the correlation id of the input that caused a record. */
  public static final String CORRELATION_ID_HEADER = "scanwatch-correlation-id";

  private static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {}

  /** The dead-letter topic where records of {@code topic} that cannot be processed are parked. */
  public static String deadLetterOf(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
