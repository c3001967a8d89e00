package io.scanwatch.contracts;

/**
 * What a registry's own scanner said about an image: counts only, no findings.
 *
 * @param scanner the scanner's name and version as the registry gives them, or {@code null}
 * @param counts findings per severity; {@code null} when the result is unavailable or the scan
 *     failed, which is never the same as zero
 * @param fixable how many of them have a fix, or {@code null} when the registry does not say
 * @param detail why the result is unavailable or the scan failed, or {@code null}
 */
public record RegistryScan(String scanner, SeverityCounts counts, Integer fixable, String detail) {}
