package io.scanwatch.contracts;

/**
 * One platform of a multi-architecture image.
 *
 * @param os e.g. {@code linux}
 * @param architecture e.g. {@code arm64}
 * @param variant e.g. {@code v8}, or {@code null}
 * @param digest the platform manifest's digest, or {@code null} when the registry does not say
 */
public record ImagePlatform(String os, String architecture, String variant, String digest) {}
