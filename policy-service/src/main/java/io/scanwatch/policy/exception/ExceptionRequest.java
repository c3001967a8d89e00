package io.scanwatch.policy.exception;

import java.time.Instant;

/**
 * A request to grant an exception, as received; {@link ExceptionGrants#grant} validates it.
 *
 * @param vulnerabilityId required, e.g. {@code CVE-2023-5678} or {@code GHSA-…}
 * @param repository a repository glob, or {@code null} for every repository
 * @param packageName a package name, or {@code null}
 * @param purl a package URL, or {@code null}
 * @param reason required
 * @param owner required
 * @param expiresAt required, in the future and within the configured maximum duration
 * @param createdBy who asks, or {@code null}
 * @param acknowledgeKnownExploited that the asker knows the vulnerability is in the known-exploited
 *     catalogue and suppresses it anyway; without it such an exception is refused
 */
public record ExceptionRequest(
    String vulnerabilityId,
    String repository,
    String packageName,
    String purl,
    String reason,
    String owner,
    Instant expiresAt,
    String createdBy,
    boolean acknowledgeKnownExploited) {}
