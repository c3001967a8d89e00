package io.scanwatch.policy.exception;

import java.time.Instant;

/**
 * A change to an exception: a new end, a new reason, or both, possibly sent as the whole exception
 * (read, edited, put back). {@code null} keeps what it has. The other fields cannot change: when
 * given they must equal the stored ones.
 *
 * @param expiresAt the new end, in the future and within the configured maximum duration
 * @param reason the new reason
 * @param unchangeable the fields given that cannot change, or {@code null} for none
 */
public record ExceptionChange(Instant expiresAt, String reason, Unchangeable unchangeable) {

  /** A change of the end, the reason or both, nothing else given. */
  public ExceptionChange(Instant expiresAt, String reason) {
    this(expiresAt, reason, null);
  }

  /** Whether it gives a new end or reason at all. */
  boolean givesAnything() {
    return expiresAt != null || reason != null;
  }

  /**
   * The fields of an exception that are fixed once granted, as a request gives them; {@code null}
   * when not given.
   */
  public record Unchangeable(
      String id,
      String vulnerabilityId,
      String repository,
      String packageName,
      String purl,
      String owner,
      Instant createdAt,
      String createdBy) {}
}
