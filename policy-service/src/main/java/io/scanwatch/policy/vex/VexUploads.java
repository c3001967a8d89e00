package io.scanwatch.policy.vex;

import java.util.List;
import java.util.Optional;

/** Uploaded VEX documents, stored as uploaded with their scope. */
public interface VexUploads {

  void insert(VexUpload upload);

  Optional<VexUpload> find(String id);

  /** Newest first, at most {@code limit}. */
  List<VexUpload> list(int limit);

  /** Those whose scope is in the repository {@code registry/repository} (see {@link VexScope}). */
  List<VexUpload> inRepository(String repositoryKey);

  boolean delete(String id);
}
