package io.scanwatch.ingest.webhook;

import java.util.List;

/** What a normalizer made of a delivery. */
public sealed interface WebhookOutcome {

  /**
   * The delivery carries image events.
   *
   * @param events the events, in the order the delivery gives them
   * @param ignored how many further entries of the delivery were of no interest (layer blobs,
   *     pulls)
   */
  record Normalized(List<RegistryEvent> events, int ignored) implements WebhookOutcome {
    public Normalized {
      events = List.copyOf(events);
    }

    public static Normalized of(RegistryEvent... events) {
      return new Normalized(List.of(events), 0);
    }
  }

  /**
   * A well-formed delivery of this provider about something Scanwatch does not follow (a pull, a
   * quota warning, a chart push): accepted and counted, nothing published.
   *
   * @param reason what it was, e.g. {@code "Harbor event type PULL_ARTIFACT"}
   */
  record Ignored(String reason) implements WebhookOutcome {}

  /**
   * Well-formed JSON that is not this provider's payload, or lacks a field the provider always
   * sends.
   *
   * @param reason what is missing or unexpected, naming the field
   */
  record Unrecognized(String reason) implements WebhookOutcome {}
}
