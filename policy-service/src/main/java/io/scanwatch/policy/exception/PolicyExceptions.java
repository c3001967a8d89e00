package io.scanwatch.policy.exception;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Granted exceptions. Every change is one single-document update, so no transaction is needed and
 * two instances noticing the same expiry notice it once.
 */
public interface PolicyExceptions {

  void insert(PolicyException exception);

  Optional<PolicyException> find(String id);

  /**
   * Those in the state at {@code now}, for the vulnerability when given, newest first, at most
   * {@code limit}.
   */
  List<PolicyException> list(
      ExceptionQuery.State state, String vulnerabilityId, Instant now, int limit);

  /** Those still in force at {@code now}. */
  List<PolicyException> activeAt(Instant now);

  /**
   * Changes the end and the reason ({@code null} keeps it); a new end is noticed again when it
   * passes. Returns the changed exception, or empty when there is none with the id.
   */
  Optional<PolicyException> change(String id, Instant expiresAt, String reason);

  boolean delete(String id);

  /** Expired before or at {@code now} and not yet noticed, the longest expired first. */
  List<PolicyException> expiredUnnoticed(Instant now, int limit);

  /** Marks the expiry of {@code id} noticed; {@code false} when another instance did first. */
  boolean claimNotice(String id, Instant now);

  /** Takes back a claim whose notice could not be published. */
  void releaseNotice(String id);
}
