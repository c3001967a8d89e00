package io.scanwatch.ingest.inventory;

import io.scanwatch.contracts.ImagePlatform;
import io.scanwatch.contracts.SeverityCounts;
import java.time.Instant;
import java.util.List;

/**
 * One image (a digest, or a tag when the registry sends no digest) of the inventory.
 *
 * @param registry registry host
 * @param repository repository path
 * @param digest manifest digest, or {@code null} when only the tag is known
 * @param tags the tags that point at it now
 * @param mediaType manifest media type, when known
 * @param platforms platforms of a multi-architecture image
 * @param pushedAt when it was last pushed, or {@code null} when only a scan was seen
 * @param pushedVia {@code provider/source} of the push webhook, or {@code null}
 * @param deletedAt when the registry said it was deleted, or {@code null}
 * @param scanStatus what is known about its latest scan
 * @param scannedAt when that scan was seen, or {@code null}
 * @param scannedBy the registry or scanner that scanned it, or {@code null}
 * @param counts findings per severity of that scan, when it gave counts
 */
public record InventoryImage(
    String registry,
    String repository,
    String digest,
    List<String> tags,
    String mediaType,
    List<ImagePlatform> platforms,
    Instant pushedAt,
    String pushedVia,
    Instant deletedAt,
    ScanStatus scanStatus,
    Instant scannedAt,
    String scannedBy,
    SeverityCounts counts) {

  public InventoryImage {
    tags = List.copyOf(tags);
    platforms = List.copyOf(platforms);
  }
}
