package io.scanwatch.policy.rootcause;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One release of a distribution and its support dates.
 *
 * @param label how people name it, e.g. {@code Debian 11 "bullseye"}
 * @param version the version scanners' OS names are matched against, e.g. {@code 11}, {@code 3.10}
 * @param aliases other version strings scanners write for it, e.g. {@code 2018.03}
 * @param lts whether it is a long-term-support release
 * @param released when it was released, or {@code null} when it is not out yet
 * @param supportEnds when the distribution's own security support ends, or {@code null}
 * @param extendedSupportEnds when LTS/ESM/ELS support ends, or {@code null}
 */
public record Release(
    String label,
    String version,
    List<String> aliases,
    boolean lts,
    LocalDate released,
    LocalDate supportEnds,
    LocalDate extendedSupportEnds) {

  public Release {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(version, "version");
    aliases = List.copyOf(aliases);
  }

  /** Whether it was out on {@code day}. */
  public boolean releasedBy(LocalDate day) {
    return released != null && !released.isAfter(day);
  }

  /** Whether its security support had ended by {@code day}. */
  public boolean endOfLifeOn(LocalDate day) {
    return supportEnds != null && !supportEnds.isAfter(day);
  }

  /** Whether it came out before {@code other}. */
  public boolean olderThan(Release other) {
    return released != null && other.released != null && released.isBefore(other.released);
  }

  boolean answersTo(String candidate) {
    return version.equals(candidate) || aliases.contains(candidate);
  }
}
