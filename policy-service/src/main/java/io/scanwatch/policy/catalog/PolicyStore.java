package io.scanwatch.policy.catalog;

import io.scanwatch.policy.rules.Policy;
import java.util.List;
import java.util.Optional;

/**
 * The policies saved through the API, each with every version it had. Saving is optimistic: a save
 * that expects a version other than the current one, or loses a race to another save, changes
 * nothing.
 */
public interface PolicyStore {

  /** The current version of every policy not deleted. */
  List<StoredPolicy> all();

  /** The current version of the policy, unless there is none or it is deleted. */
  Optional<StoredPolicy> find(String name);

  /**
   * As {@code expectedVersion}: save only when no policy of the name exists (versions start at 1).
   */
  long NO_VERSION = 0;

  /**
   * Saves {@code policy} as the next version.
   *
   * @param expectedVersion the version the caller last saw, {@link #NO_VERSION} to create the
   *     policy only, or {@code null} to save whatever the current version is
   */
  SaveOutcome save(Policy policy, String text, Long expectedVersion, String updatedBy);

  /**
   * Deletes the policy, keeping its history; {@code false} when there is none to delete.
   *
   * @param expectedVersion as for {@link #save}
   */
  DeleteOutcome delete(String name, Long expectedVersion);

  /** Every saved version of the policy, oldest first, deleted policies' included. */
  List<StoredPolicy> versions(String name);

  /** One saved version. */
  Optional<StoredPolicy> version(String name, long version);

  /** What a save did. */
  sealed interface SaveOutcome {}

  /** The policy did not exist (or was deleted) and is now at {@code saved.version()}. */
  record Created(StoredPolicy saved) implements SaveOutcome {}

  /** The policy existed and is now at {@code saved.version()}. */
  record Updated(StoredPolicy saved) implements SaveOutcome {}

  /**
   * The expected version was not the current one, or another save won the race; nothing changed.
   *
   * @param current the current version, or {@code null} when there is none
   */
  record VersionMismatch(Long current) implements SaveOutcome, DeleteOutcome {}

  /** What a delete did. */
  sealed interface DeleteOutcome {}

  /** The policy is deleted. */
  record Deleted() implements DeleteOutcome {}

  /** There was no policy of that name. */
  record NotFound() implements DeleteOutcome {}
}
