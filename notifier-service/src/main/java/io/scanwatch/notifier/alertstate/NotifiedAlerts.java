package io.scanwatch.notifier.alertstate;

import io.scanwatch.contracts.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where what each receiver has been told about each alert is kept. Every operation is a
 * single-document atomic write.
 */
public interface NotifiedAlerts {

  /** What {@code receiver} has been told about {@code alertId}, if anything. */
  Optional<NotifiedAlert> find(String alertId, String receiver);

  /**
   * Records that {@code event} was routed to {@code receiver} on {@code routeId}: the alert is open
   * unless the event resolves it, and an open alert is due again after {@code repeatInterval}
   * (never when it is zero). The thread reference is kept.
   */
  void track(
      AlertEvent event, String receiver, String routeId, Duration repeatInterval, Instant now);

  /** Keeps {@code threadRef} as the alert's thread on {@code receiver}, unless it has one. */
  void threadStarted(String alertId, String receiver, String threadRef);

  /**
   * Claims the open alert that has been due for a repeat longest, moving its next repeat one
   * interval past {@code now}, so no other instance claims it meanwhile.
   */
  Optional<NotifiedAlert> claimDueRepeat(Instant now);
}
