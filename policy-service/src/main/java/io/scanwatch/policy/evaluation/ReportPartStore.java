package io.scanwatch.policy.evaluation;

import io.scanwatch.contracts.ScanReported;
import java.util.List;

/** Where the parts of a report that travelled in parts wait until every part has arrived. */
public interface ReportPartStore {

  /** Keeps {@code part}; keeping the same part twice keeps it once. */
  void save(ScanReported part);

  /** How many parts of {@code reportId} are kept, and how many findings they hold together. */
  Kept kept(String reportId);

  /** The parts of {@code reportId} kept so far, in part order. */
  List<ScanReported> partsOf(String reportId);

  /** Forgets the parts of {@code reportId}. */
  void delete(String reportId);

  /** What is kept of a report: its parts and their findings, counted without reading them. */
  record Kept(long parts, long findings) {}
}
