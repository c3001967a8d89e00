package io.scanwatch.trivy;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.ScanSummary;
import java.util.List;

/** What a report parser made of the bytes it was given. */
public sealed interface ParseOutcome {

  /**
   * This outcome, unless it is a report of more than {@code maxFindings} findings: then a {@link
   * LimitExceeded} that says how many it holds and names the setting that bounds them.
   */
  default ParseOutcome withAtMost(int maxFindings) {
    if (this instanceof Parsed parsed && parsed.findings().size() > maxFindings) {
      return new LimitExceeded(
          "the report holds "
              + parsed.findings().size()
              + " findings; at most "
              + maxFindings
              + " are accepted (SCANWATCH_MAX_FINDINGS)");
    }
    return this;
  }

  /**
   * The bytes are a report of the parser's format.
   *
   * @param image the scanned image, or {@code null} when the report does not name one
   * @param os the image's operating system, or {@code null}
   * @param findings every vulnerability entry, duplicates across targets included
   * @param format the detected input format, e.g. {@code trivy-json-v2}
   * @param summary what the report says besides its findings
   * @param targets every target the report says was scanned, clean ones included
   * @param notes what the parser skipped or assumed, for the caller to see
   */
  record Parsed(
      ImageReference image,
      OperatingSystem os,
      List<Finding> findings,
      String format,
      ScanSummary summary,
      List<String> targets,
      List<String> notes)
      implements ParseOutcome {

    public Parsed {
      findings = List.copyOf(findings);
      targets = List.copyOf(targets);
      notes = List.copyOf(notes);
    }
  }

  /** The bytes are not well-formed JSON; {@code line} and {@code column} point at the fault. */
  record Malformed(String reason, int line, int column) implements ParseOutcome {}

  /** Well-formed JSON, but not a report this parser reads; {@code reason} says what was seen. */
  record Unrecognised(String reason) implements ParseOutcome {}

  /**
   * Perhaps a report, but beyond a safety limit (nesting, string length); {@code reason} says
   * which.
   */
  record LimitExceeded(String reason) implements ParseOutcome {}
}
