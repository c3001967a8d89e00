package io.scanwatch.notifier.silence.web;

import io.scanwatch.notifier.silence.Silence;
import java.time.Instant;

/** A silence as the API shows it, with where it is in its life. */
record SilenceResource(
    String id,
    String state,
    Matchers matchers,
    Instant startsAt,
    Instant endsAt,
    String author,
    String comment,
    Instant createdAt,
    String createdBy) {

  record Matchers(String repository, String vulnerability, String priority) {}

  static SilenceResource of(Silence silence, Instant now) {
    return new SilenceResource(
        silence.id(),
        silence.stateAt(now),
        new Matchers(
            silence.repository(),
            silence.vulnerability(),
            silence.priority() == null ? null : silence.priority().name()),
        silence.startsAt(),
        silence.endsAt(),
        silence.author(),
        silence.comment(),
        silence.createdAt(),
        silence.createdBy());
  }
}
