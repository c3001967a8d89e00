package io.scanwatch.policy.vex;

import io.scanwatch.contracts.EventIds;
import io.scanwatch.contracts.ImageReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The OpenVEX documents teams upload for their repositories and images: checks and keeps them, and
 * finds those that speak for an image.
 */
public class VexLibrary {

  static final int LIST_LIMIT = 1_000;

  private final VexUploads store;
  private final Clock clock;

  public VexLibrary(VexUploads store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Keeps a valid document for the scope; refuses a bad scope or a document that is not OpenVEX.
   */
  public UploadOutcome upload(String scope, byte[] json, String uploadedBy) {
    VexScope valid;
    switch (VexScope.parse(scope)) {
      case VexScope.ScopeParse.Invalid invalid -> {
        return new UploadOutcome.InvalidScope(invalid.reason());
      }
      case VexScope.ScopeParse.Valid parsed -> valid = parsed.scope();
    }
    return switch (OpenVexDocuments.parse(json)) {
      case VexParseOutcome.Invalid invalid -> new UploadOutcome.InvalidDocument(invalid);
      case VexParseOutcome.Parsed parsed -> {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var upload =
            new VexUpload(
                EventIds.timeOrdered(now).toString(),
                valid,
                parsed.document(),
                new String(json, StandardCharsets.UTF_8),
                now,
                uploadedBy);
        store.insert(upload);
        yield new UploadOutcome.Uploaded(upload);
      }
    };
  }

  public List<VexUpload> list() {
    return store.list(LIST_LIMIT);
  }

  public Optional<VexUpload> find(String id) {
    return store.find(id);
  }

  public boolean delete(String id) {
    return store.delete(id);
  }

  /** The documents whose scope applies to {@code image}, in upload order. */
  public List<VexUpload> applyingTo(ImageReference image) {
    return store.inRepository(VexScope.repositoryKeyOf(image)).stream()
        .filter(upload -> upload.scope().appliesTo(image))
        .sorted(Comparator.comparing(VexUpload::uploadedAt).thenComparing(VexUpload::id))
        .toList();
  }

  /** What an upload gives: the kept document, or why it was refused. */
  public sealed interface UploadOutcome {
    record Uploaded(VexUpload upload) implements UploadOutcome {}

    record InvalidScope(String reason) implements UploadOutcome {}

    record InvalidDocument(VexParseOutcome.Invalid invalid) implements UploadOutcome {}
  }
}
