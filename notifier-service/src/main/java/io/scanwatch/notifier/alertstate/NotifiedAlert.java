package io.scanwatch.notifier.alertstate;

import io.scanwatch.contracts.AlertEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * What one receiver has been told about one alert: whether the alert is open, when it is due to be
 * notified again, and where its first message is, so updates thread under it.
 *
 * @param alertId the alert
 * @param receiver the receiver
 * @param routeId the route that took the alert's latest event to the receiver
 * @param open whether the alert is firing (not resolved)
 * @param lastEvent the latest alert event routed to the receiver
 * @param repeatInterval how often the route re-notifies an open alert; zero for never
 * @param nextRepeatAt when the open alert is due to be notified again, or {@code null}
 * @param threadRef the receiver's reference to its first message about the alert, or {@code null}
 */
public record NotifiedAlert(
    String alertId,
    String receiver,
    String routeId,
    boolean open,
    AlertEvent lastEvent,
    Duration repeatInterval,
    Instant nextRepeatAt,
    String threadRef) {

  /** The id of what {@code receiver} has been told about {@code alertId}. */
  public static String idOf(String alertId, String receiver) {
    return alertId + "|" + receiver;
  }
}
