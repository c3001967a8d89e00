package io.scanwatch.ingest.inventory;

/**
 * Filters of the inventory; {@code null} means any.
 *
 * @param registry exact registry host
 * @param repository repository glob ({@code *} within a segment, {@code **} across)
 * @param tag exact tag
 * @param scanStatus the latest scan's status
 * @param includeDeleted whether deleted images are listed
 * @param limit at most this many images
 */
public record InventoryQuery(
    String registry,
    String repository,
    String tag,
    ScanStatus scanStatus,
    boolean includeDeleted,
    int limit) {}
