package io.scanwatch.contracts;

/** Why an alert exists. */
public enum AlertReason {
  /** The image's latest scan fails its policy. */
  POLICY_VIOLATION,
  /** The image was pushed and no scan of it arrived within the configured window. */
  NOT_SCANNED
}
