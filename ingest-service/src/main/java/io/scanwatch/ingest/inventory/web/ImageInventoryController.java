package io.scanwatch.ingest.inventory.web;

import io.scanwatch.ingest.inventory.ImageInventory;
import io.scanwatch.ingest.inventory.InventoryImage;
import io.scanwatch.ingest.inventory.InventoryQuery;
import io.scanwatch.ingest.inventory.ScanStatus;
import io.scanwatch.ingest.web.ApiDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/images}: the image inventory, filtered. */
@RestController
@Tag(name = "images")
@SecurityRequirement(name = ApiDocumentation.BEARER)
class ImageInventoryController {

  static final int MAX_LIMIT = 1000;

  private final ImageInventory inventory;

  ImageInventoryController(ImageInventory inventory) {
    this.inventory = inventory;
  }

  /** The answer: the images, most recently pushed first. */
  record Images(List<InventoryImage> images, int count) {}

  @Operation(
      summary = "List known images",
      description =
          "Every image the registries' webhooks and posted reports told of: tags, digest, when it"
              + " was pushed, and its latest scan. Images pushed but never scanned have scanStatus"
              + " NOT_SCANNED.")
  @GetMapping("/api/v1/images")
  Images images(
      @Parameter(description = "Exact registry host", example = "harbor.example.com")
          @RequestParam(required = false)
          String registry,
      @Parameter(
              description = "Repository glob: * within a segment, ** across",
              example = "team-a/**")
          @RequestParam(required = false)
          String repository,
      @Parameter(description = "Exact tag") @RequestParam(required = false) String tag,
      @Parameter(description = "NOT_SCANNED, SCANNED, FAILED or UNAVAILABLE")
          @RequestParam(required = false)
          String scanStatus,
      @RequestParam(defaultValue = "false") boolean includeDeleted,
      @Parameter(description = "At most this many images, 1 to 1000")
          @RequestParam(defaultValue = "100")
          int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "'limit' must be between 1 and " + MAX_LIMIT);
    }
    var found =
        inventory.find(
            new InventoryQuery(
                filter("registry", registry),
                filter("repository", repository),
                filter("tag", tag),
                status(scanStatus),
                includeDeleted,
                limit));
    return new Images(found, found.size());
  }

  private static ScanStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ScanStatus.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "'scanStatus' must be one of " + Arrays.toString(ScanStatus.values()));
    }
  }

  /** The filter's value, stripped; {@code null} when blank. No name holds a control character. */
  private static String filter(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "'" + name + "' must not contain control characters");
    }
    return value.strip();
  }
}
