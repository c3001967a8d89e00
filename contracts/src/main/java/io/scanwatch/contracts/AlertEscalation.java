package io.scanwatch.contracts;

/** How close an open alert is to its deadline, when it is escalated. */
public enum AlertEscalation {
  /** 75 % of the time from first sighting to the deadline has passed. */
  DEADLINE_NEAR,
  /** The deadline has passed: the SLA is breached. */
  DEADLINE_PASSED
}
