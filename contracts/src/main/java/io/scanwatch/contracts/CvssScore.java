package io.scanwatch.contracts;

/**
 * A CVSS rating of a vulnerability by one source.
 *
 * @param source who rated it, as the scanner names the source: {@code nvd}, {@code redhat}, {@code
 *     ghsa}, …
 * @param score the CVSS v3 base score, or {@code null} when the source gave only a vector or only
 *     v2
 * @param vector the CVSS v3 vector, or {@code null}
 */
public record CvssScore(String source, Double score, String vector) {}
