package io.scanwatch.policy.rootcause;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distribution releases read from a file an operator maintains, re-read when its modification time
 * changes (looked at no more often than the check interval). An edit that cannot be read or parsed
 * is logged and the last good data stays in use.
 */
public final class DistributionReleasesFile implements Supplier<DistributionReleases> {

  private static final Logger LOG = LoggerFactory.getLogger(DistributionReleasesFile.class);

  private final Path path;
  private final Clock clock;
  private final Duration checkInterval;

  private DistributionReleases current;
  private FileTime seen;
  private Instant checkedAt;

  /**
   * Reads the file now.
   *
   * @throws IllegalArgumentException when it cannot be read or parsed: at start there is no last
   *     good data, and a file the operator named but the service ignores would go unnoticed
   */
  public DistributionReleasesFile(Path path, Clock clock, Duration checkInterval) {
    this.path = path;
    this.clock = clock;
    this.checkInterval = checkInterval;
    try {
      this.seen = Files.getLastModifiedTime(path);
      this.current = read(path);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Distribution releases file " + path + ": " + e, e);
    }
    this.checkedAt = clock.instant();
    LOG.info("Distribution releases read from {}", path);
  }

  @Override
  public synchronized DistributionReleases get() {
    Instant now = clock.instant();
    if (now.isBefore(checkedAt.plus(checkInterval))) {
      return current;
    }
    checkedAt = now;
    try {
      FileTime modified = Files.getLastModifiedTime(path);
      if (!modified.equals(seen)) {
        // Remember the time even when the edit is bad, so a broken file is reported once, not
        // every interval.
        seen = modified;
        current = read(path);
        LOG.info("Distribution releases re-read from {}", path);
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      LOG.warn(
          "Distribution releases file {} could not be read; keeping the last good data: {}",
          path,
          e.getMessage());
    }
    return current;
  }

  private static DistributionReleases read(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return DistributionReleases.parse(reader);
    }
  }
}
