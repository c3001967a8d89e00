package io.scanwatch.policy.catalog;

/**
 * What is wrong with one field of a policy document.
 *
 * @param pointer a JSON pointer to the field, e.g. {@code /conditions/maxFindings/HIGH}; empty for
 *     the document as a whole
 * @param message what is wrong, e.g. {@code must be a whole number >= 0}
 */
public record FieldError(String pointer, String message) {}
