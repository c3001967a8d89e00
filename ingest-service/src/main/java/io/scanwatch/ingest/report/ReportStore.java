package io.scanwatch.ingest.report;

import java.util.Optional;

/** Where reports and their original bytes are kept. */
public interface ReportStore {

  /**
   * Stores {@code report} with its original bytes unless a report with the same {@link
   * StoredReport#fingerprint()} exists, atomically; returns the report stored afterwards, which is
   * the earlier one when there was one.
   */
  StoredReport insertIfAbsent(StoredReport report, byte[] raw);

  /** Records that the report's event reached Kafka. */
  void markPublished(String id);

  Optional<StoredReport> findById(String id);

  /** The original bytes of a report, as posted. */
  Optional<byte[]> findRaw(String id);
}
