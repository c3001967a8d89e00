package io.scanwatch.ingest.inventory;

import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.SeverityCounts;
import java.time.Instant;
import java.util.List;

/**
 * Every image the registries and scanners told ingest-service about: per repository, which tag
 * points at which digest, when it was pushed, and when and how it was last scanned. Every update is
 * idempotent, so applying an event twice changes nothing.
 */
public interface ImageInventory {

  /** Applies what a registry said: a push moves tags, a delete drops them, a scan records it. */
  void apply(ImageEvent event);

  /** Records a scan report about {@code image} (by digest when it has one, else by tag). */
  void scanned(ImageReference image, Instant scannedAt, SeverityCounts counts, String scanner);

  /** The images matching {@code query}, most recently pushed first. */
  List<InventoryImage> find(InventoryQuery query);
}
