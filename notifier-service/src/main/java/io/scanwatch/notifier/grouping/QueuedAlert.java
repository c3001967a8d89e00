package io.scanwatch.notifier.grouping;

import io.scanwatch.contracts.AlertEvent;
import java.time.Instant;

/**
 * An alert event waiting for its group's wait to end, to go out in one message with the others of
 * its group.
 *
 * @param id {@code <eventId>:<receiver>}; a redelivered event maps to the same id
 * @param receiver the receiver the group goes to
 * @param groupKey the route and the values the alerts of the group share
 * @param alert the event
 * @param queuedAt when it was queued
 * @param flushAt when the group goes out: its first alert's arrival plus the group wait
 */
public record QueuedAlert(
    String id,
    String receiver,
    String groupKey,
    AlertEvent alert,
    Instant queuedAt,
    Instant flushAt) {

  /** The id of {@code alert} queued for {@code receiver}. */
  public static String idOf(AlertEvent alert, String receiver) {
    return alert.eventId() + ":" + receiver;
  }
}
