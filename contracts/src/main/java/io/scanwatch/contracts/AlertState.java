package io.scanwatch.contracts;

/** Where an alert is in its life. */
public enum AlertState {
  /** The image started failing; notify. */
  FIRING,
  /** Still failing, with changed findings. */
  UPDATED,
  /** Still failing and close to or past its deadline. */
  ESCALATED,
  /** A later scan passed. */
  RESOLVED
}
