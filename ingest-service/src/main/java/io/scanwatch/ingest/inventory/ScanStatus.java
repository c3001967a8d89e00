package io.scanwatch.ingest.inventory;

/** What is known about an image's latest scan. */
public enum ScanStatus {
  /** No scan of it has been seen. */
  NOT_SCANNED,
  /** A scan with counts was seen. */
  SCANNED,
  /** The latest scan failed or was stopped. */
  FAILED,
  /** The latest scan finished without a usable result. */
  UNAVAILABLE
}
