package io.scanwatch.policy.vex;

import java.time.Instant;
import java.util.Objects;

/**
 * An OpenVEX document uploaded for a repository or an image.
 *
 * @param id the upload's id, which verdicts name when its statements suppress a finding
 * @param scope what it is for
 * @param document the document as read
 * @param raw the document as uploaded
 * @param uploadedAt when it was uploaded
 * @param uploadedBy who uploaded it, or {@code null}
 */
public record VexUpload(
    String id,
    VexScope scope,
    VexDocument document,
    String raw,
    Instant uploadedAt,
    String uploadedBy) {

  public VexUpload {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(document, "document");
  }
}
