package io.scanwatch.contracts;

/**
 * One policy rule an image broke.
 *
 * @param rule the rule's name, e.g. {@code max-critical}
 * @param reason why it broke, in words a person reads in an alert
 */
public record PolicyViolation(String rule, String reason) {}
