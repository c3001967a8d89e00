package io.scanwatch.contracts;

/** What a registry says happened to an image. */
public enum ImageAction {
  /** A manifest (or an image index with its platforms) was pushed, possibly under tags. */
  PUSHED,
  /** A manifest was deleted. */
  DELETED,
  /** The registry's scanner finished and reported counts per severity. */
  SCAN_COMPLETED,
  /** The registry's scanner failed or was stopped. */
  SCAN_FAILED,
  /**
   * The registry says a scan finished but gives no usable result (still running, no summary, an
   * empty scan object). Never to be read as "no vulnerabilities".
   */
  SCAN_UNAVAILABLE
}
