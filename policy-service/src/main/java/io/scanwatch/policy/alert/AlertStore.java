package io.scanwatch.policy.alert;

import java.util.Optional;

/** Where alert state is kept between scans. */
public interface AlertStore {

  Optional<AlertRecord> find(String alertId);

  /** Stores {@code alert}, replacing the earlier state of the same alert. */
  void save(AlertRecord alert);
}
