package io.scanwatch.contracts;

/**
 * The operating system of a scanned image.
 *
 * @param family distribution family as the scanner names it, e.g. {@code debian}, {@code alpine}
 * @param name the release, e.g. {@code 11.3}
 * @param endOfLife whether the scanner flagged the release as end-of-life
 */
public record OperatingSystem(String family, String name, boolean endOfLife) {}
