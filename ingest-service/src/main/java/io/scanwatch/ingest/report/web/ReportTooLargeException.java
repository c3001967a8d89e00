package io.scanwatch.ingest.report.web;

/** A posted body is larger than the configured limit. */
public class ReportTooLargeException extends RuntimeException {

  private final long maxBytes;

  public ReportTooLargeException(long maxBytes) {
    super("the report is larger than the limit of " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
