package io.scanwatch.policy.exception.web;

import io.scanwatch.policy.exception.PolicyException;
import java.time.Instant;

/** An exception as the API shows it, with whether it is in force now. */
record ExceptionResource(
    String id,
    String vulnerabilityId,
    String repository,
    String packageName,
    String purl,
    String reason,
    String owner,
    Instant expiresAt,
    Instant createdAt,
    String createdBy,
    String state) {

  static ExceptionResource of(PolicyException e, boolean active) {
    return new ExceptionResource(
        e.id(),
        e.vulnerabilityId(),
        e.repository(),
        e.packageName(),
        e.purl(),
        e.reason(),
        e.owner(),
        e.expiresAt(),
        e.createdAt(),
        e.createdBy(),
        active ? "active" : "expired");
  }
}
