package io.scanwatch.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Something about the policies themselves that people should hear of, such as an exception that
 * expired so that its findings count again. Published by policy-service on {@link Topics#NOTICES},
 * keyed by {@link #subject()}.
 *
 * @param eventId derived from the subject and the kind, so a notice given twice has one id
 * @param occurredAt when it happened (for an expiry, the expiry time)
 * @param kind what happened, e.g. {@code exception-expired}
 * @param subject what it is about, e.g. the exception's id
 * @param message a sentence a person reads
 * @param owner who should act, e.g. the exception's owner
 */
public record PolicyNotice(
    UUID eventId, Instant occurredAt, String kind, String subject, String message, String owner) {

  /** An exception ended and its findings count again. */
  public static final String EXCEPTION_EXPIRED = "exception-expired";
}
