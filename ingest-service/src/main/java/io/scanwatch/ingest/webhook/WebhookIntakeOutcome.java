package io.scanwatch.ingest.webhook;

import io.scanwatch.contracts.ImageEvent;
import java.util.List;
import java.util.Set;

/** What became of a webhook delivery; each case is one kind of answer. */
public sealed interface WebhookIntakeOutcome {

  /** The provider segment names no registry Scanwatch reads. */
  record UnknownProvider(String provider, Set<String> known) implements WebhookIntakeOutcome {}

  /** No such source, or the credential does not match it. Nothing was read or stored. */
  record Unauthenticated(String provider) implements WebhookIntakeOutcome {}

  /** The body is not JSON; {@code reason} says where. */
  record Malformed(String provider, String reason) implements WebhookIntakeOutcome {}

  /**
   * JSON that goes beyond a safety limit (nesting depth, string length); {@code reason} says which.
   */
  record LimitExceeded(String provider, String reason) implements WebhookIntakeOutcome {}

  /** JSON, but not this provider's payload. */
  record Unrecognized(String provider, String expectedShape, String reason)
      implements WebhookIntakeOutcome {}

  /** An event about a repository outside the source's configured scope; nothing was published. */
  record OutOfScope(String provider, String source, String repository)
      implements WebhookIntakeOutcome {}

  /**
   * A payload about something Scanwatch does not follow, or whose events name no image (neither a
   * tag nor a digest); recorded, nothing published.
   */
  record Ignored(String provider, String reason) implements WebhookIntakeOutcome {}

  /**
   * The delivery's events: those published now and those published before (redeliveries, with the
   * id they were published under).
   *
   * @param ignored entries of the delivery that were of no interest
   */
  record Accepted(
      String provider, List<ImageEvent> published, List<ImageEvent> redelivered, int ignored)
      implements WebhookIntakeOutcome {

    public Accepted {
      published = List.copyOf(published);
      redelivered = List.copyOf(redelivered);
    }

    /** Whether every event of the delivery had been published before. */
    public boolean onlyRedeliveries() {
      return published.isEmpty() && !redelivered.isEmpty();
    }
  }

  /** The provider segment, for counting; {@code unknown} when it names no registry. */
  default String providerLabel() {
    return switch (this) {
      case UnknownProvider ignored -> "unknown";
      case Unauthenticated u -> u.provider();
      case Malformed m -> m.provider();
      case LimitExceeded l -> l.provider();
      case Unrecognized u -> u.provider();
      case OutOfScope o -> o.provider();
      case Ignored i -> i.provider();
      case Accepted a -> a.provider();
    };
  }

  /** A small fixed word for the outcome, for metrics. */
  default String outcomeLabel() {
    return switch (this) {
      case UnknownProvider ignored -> "unknown_provider";
      case Unauthenticated ignored -> "unauthenticated";
      case Malformed ignored -> "malformed";
      case LimitExceeded ignored -> "limit_exceeded";
      case Unrecognized ignored -> "unrecognised";
      case OutOfScope ignored -> "out_of_scope";
      case Ignored ignored -> "ignored";
      case Accepted a -> a.onlyRedeliveries() ? "duplicate" : "accepted";
    };
  }
}
