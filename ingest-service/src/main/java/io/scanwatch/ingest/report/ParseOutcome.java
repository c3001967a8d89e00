package io.scanwatch.ingest.report;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import java.util.List;

/** What a report parser made of the bytes it was given. */
public sealed interface ParseOutcome {

  /** The bytes are a report of the parser's format. */
  record Parsed(ImageReference image, OperatingSystem os, List<Finding> findings, String format)
      implements ParseOutcome {}

  /** The bytes are not well-formed JSON; {@code line} and {@code column} point at the fault. */
  record Malformed(String reason, int line, int column) implements ParseOutcome {}

  /** Well-formed JSON, but not a report this parser reads; {@code reason} says what was seen. */
  record Unrecognised(String reason) implements ParseOutcome {}
}
