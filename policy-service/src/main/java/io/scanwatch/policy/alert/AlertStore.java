package io.scanwatch.policy.alert;

import io.scanwatch.contracts.AlertEscalation;
import java.util.List;
import java.util.Optional;

/** Where alert state is kept between scans. */
public interface AlertStore {

  Optional<AlertRecord> find(String alertId);

  /** Stores {@code alert}, replacing the earlier state of the same alert. */
  void save(AlertRecord alert);

  /** Every alert that is not resolved. */
  List<AlertRecord> open();

  /**
   * Moves an open alert's escalation from {@code from} (which may be {@code null}) to {@code to};
   * {@code false} when it is no longer at {@code from}, so that of two instances one escalates.
   */
  boolean escalate(String alertId, AlertEscalation from, AlertEscalation to);
}
