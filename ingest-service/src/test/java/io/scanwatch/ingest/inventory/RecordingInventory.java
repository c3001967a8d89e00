package io.scanwatch.ingest.inventory;

import io.scanwatch.contracts.ImageEvent;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.SeverityCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An inventory for unit tests of its callers: remembers what it was told, finds nothing. */
public class RecordingInventory implements ImageInventory {

  public final List<ImageEvent> applied = new ArrayList<>();
  public final List<ImageReference> scanned = new ArrayList<>();

  @Override
  public void apply(ImageEvent event) {
    applied.add(event);
  }

  @Override
  public void scanned(
      ImageReference image, Instant scannedAt, SeverityCounts counts, String scanner) {
    scanned.add(image);
  }

  @Override
  public List<InventoryImage> find(InventoryQuery query) {
    return List.of();
  }
}
