package io.scanwatch.notifier.silence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where silences are kept. */
public interface SilenceStore {

  /** Stores a new silence. */
  void insert(Silence silence);

  /** The silence with {@code id}. */
  Optional<Silence> find(String id);

  /** Every silence that has not ended at {@code now}: active and pending ones. */
  List<Silence> notEndedAt(Instant now);

  /** Every silence, newest first, at most {@code limit}. */
  List<Silence> all(int limit);

  /**
   * Ends the silence {@code id} at {@code now} if it has not ended yet.
   *
   * @return the silence as it is now, or empty when there is none with that id
   */
  Optional<Silence> expire(String id, Instant now);
}
