package io.scanwatch.policy.exception;

import java.time.Instant;

/**
 * A change to an exception: a new end, a new reason, or both; {@code null} keeps what it has.
 *
 * @param expiresAt the new end, in the future and within the configured maximum duration
 * @param reason the new reason
 */
public record ExceptionChange(Instant expiresAt, String reason) {}
