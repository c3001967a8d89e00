package io.scanwatch.policy.vex;

import java.util.Objects;

/** What reading an uploaded OpenVEX document gives: the document, or why it was refused. */
public sealed interface VexParseOutcome {

  /** The document was valid OpenVEX. */
  record Parsed(VexDocument document) implements VexParseOutcome {
    public Parsed {
      Objects.requireNonNull(document, "document");
    }
  }

  /**
   * The document was refused.
   *
   * @param reason what is wrong, for the uploader
   * @param pointer a JSON pointer (RFC 6901) to the offending field, e.g. {@code
   *     /statements/2/status}; empty for the document as a whole
   */
  record Invalid(String reason, String pointer) implements VexParseOutcome {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(pointer, "pointer");
    }
  }
}
