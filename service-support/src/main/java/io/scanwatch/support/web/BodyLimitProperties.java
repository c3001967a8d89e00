package io.scanwatch.support.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body a service reads ({@code scanwatch.web}), enforced by {@link
 * BodyLimitFilter} before any controller reads a byte: a {@code Content-Length} over the limit is
 * answered 413 at once, and a body without one (chunked) stops being read at the limit, also with
 * 413.
 *
 * <p>A path's limit is that of the longest {@code body-limits} prefix it falls under (a prefix
 * covers itself and the paths below it, {@code /api/v1/vex} covers {@code /api/v1/vex/…} but not
 * {@code /api/v1/vexes}), else {@code max-body-size}. Spring Boot drops the slashes of a map key
 * that is not in brackets, so write a path in brackets: {@code
 * scanwatch.web.body-limits[/api/v1/vex]=4MB} in properties, {@code "[/api/v1/vex]": 4MB} in YAML;
 * a key that does not start with {@code /} stops the service at start.
 *
 * @param maxBodySize the limit of every path without one of its own, 1MB unless set
 * @param bodyLimits limits per path prefix, larger or smaller than the default
 * @param selfLimitedPaths path prefixes whose endpoints read their bodies with limits of their own
 *     (decompressed, with answers in their own words); the filter leaves them alone
 */
@ConfigurationProperties("scanwatch.web")
public record BodyLimitProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    Map<String, DataSize> bodyLimits,
    List<String> selfLimitedPaths) {

  public BodyLimitProperties {
    if (maxBodySize == null || maxBodySize.isNegative()) {
      throw new IllegalArgumentException("scanwatch.web.max-body-size must be a size, e.g. 1MB");
    }
    bodyLimits = bodyLimits == null ? Map.of() : Map.copyOf(bodyLimits);
    selfLimitedPaths = selfLimitedPaths == null ? List.of() : List.copyOf(selfLimitedPaths);
    bodyLimits.forEach(
        (path, size) -> {
          if (!path.startsWith("/")) {
            throw new IllegalArgumentException(
                "scanwatch.web.body-limits key '"
                    + path
                    + "' is not a path: write it in brackets, e.g."
                    + " scanwatch.web.body-limits[/api/v1/vex]=4MB");
          }
          if (size == null || size.isNegative()) {
            throw new IllegalArgumentException(
                "scanwatch.web.body-limits[" + path + "] must be a size, e.g. 4MB");
          }
        });
    for (String path : selfLimitedPaths) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException(
            "scanwatch.web.self-limited-paths entry '" + path + "' must start with /");
      }
    }
  }

  /** The limit in bytes of {@code path}, or empty when its endpoint limits its own body. */
  public Optional<Long> limitOf(String path) {
    if (selfLimitedPaths.stream().anyMatch(prefix -> covers(prefix, path))) {
      return Optional.empty();
    }
    return Optional.of(
        bodyLimits.entrySet().stream()
            .filter(limit -> covers(limit.getKey(), path))
            .max(Comparator.comparingInt(limit -> limit.getKey().length()))
            .map(limit -> limit.getValue().toBytes())
            .orElse(maxBodySize.toBytes()));
  }

  private static boolean covers(String prefix, String path) {
    String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return path.equals(bare) || path.startsWith(bare + "/");
  }
}
