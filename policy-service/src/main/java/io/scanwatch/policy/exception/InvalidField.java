package io.scanwatch.policy.exception;

/**
 * One thing wrong with a request.
 *
 * @param pointer a JSON pointer (RFC 6901) to the field, e.g. {@code /expiresAt}
 * @param message what is wrong and what would be right
 */
public record InvalidField(String pointer, String message) {}
