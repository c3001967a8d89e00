package io.scanwatch.ingest.report.web;

import io.scanwatch.ingest.report.ReportLimitsProperties;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * Reads a posted report body, refusing to read past the configured limit so an oversized body costs
 * no more memory than the limit.
 */
@Component
public class ReportBodies {

  private final long maxBytes;

  ReportBodies(ReportLimitsProperties limits) {
    this.maxBytes = limits.maxSize().toBytes();
  }

  /**
   * @throws ReportTooLargeException when the body is longer than the limit
   */
  public byte[] read(InputStream body, long declaredLength) throws IOException {
    if (declaredLength > maxBytes) {
      throw new ReportTooLargeException(maxBytes);
    }
    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw new ReportTooLargeException(maxBytes);
    }
    return bytes;
  }
}
