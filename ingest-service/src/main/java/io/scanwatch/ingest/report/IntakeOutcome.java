package io.scanwatch.ingest.report;

import io.scanwatch.trivy.ParseOutcome;
import java.util.List;

/** What became of a posted report; {@code notes} say what the parser skipped or assumed. */
public sealed interface IntakeOutcome {

  /**
   * Published now: the first time these bytes arrived, or a retry of a report whose event had not
   * reached Kafka.
   */
  record Accepted(StoredReport report, List<String> notes) implements IntakeOutcome {}

  /** The same bytes were accepted before; nothing new was published. */
  record Duplicate(StoredReport report, List<String> notes) implements IntakeOutcome {}

  /** A report, but of no image the caller or the report names. Nothing was stored. */
  record ImageUnknown(String reason) implements IntakeOutcome {}

  /** Refused; {@code parseOutcome} says why. Nothing was stored. */
  record Rejected(ParseOutcome parseOutcome) implements IntakeOutcome {}
}
