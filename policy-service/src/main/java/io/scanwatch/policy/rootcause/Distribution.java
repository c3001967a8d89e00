package io.scanwatch.policy.rootcause;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux distribution, the family names scanners give it, and its releases.
 *
 * @param name how people name it, e.g. {@code Debian}
 * @param families the scanners' family names, lower case, e.g. {@code redhat}, {@code rhel}
 * @param ltsOnlyUpgrades whether only LTS releases count as the current stable release (Ubuntu)
 * @param releases its releases
 */
public record Distribution(
    String name, Set<String> families, boolean ltsOnlyUpgrades, List<Release> releases) {

  private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)*");

  public Distribution {
    families = Set.copyOf(families);
    releases = List.copyOf(releases);
  }

  /**
   * The release a scanner's OS name stands for: the first version-like part of the name, then that
   * part with trailing components dropped until one matches ({@code 11.3} → {@code 11}, {@code
   * 3.10.2} → {@code 3.10}, {@code 2 (Karoo)} → {@code 2}, {@code 2023.4.20240319} → {@code 2023}).
   * Names without a version ({@code bookworm/sid}) match nothing.
   */
  public Optional<Release> release(String osName) {
    if (osName == null) {
      return Optional.empty();
    }
    Matcher version = VERSION.matcher(osName);
    if (!version.find()) {
      return Optional.empty();
    }
    String candidate = version.group();
    while (true) {
      String current = candidate;
      Optional<Release> match = releases.stream().filter(r -> r.answersTo(current)).findFirst();
      int dot = candidate.lastIndexOf('.');
      if (match.isPresent() || dot < 0) {
        return match;
      }
      candidate = candidate.substring(0, dot);
    }
  }

  /**
   * The release to be on at {@code day}: the latest one released by then (for Ubuntu, the latest
   * LTS release), or empty when none is.
   */
  public Optional<Release> currentStable(LocalDate day) {
    return releases.stream()
        .filter(r -> r.releasedBy(day))
        .filter(r -> r.lts() || !ltsOnlyUpgrades)
        .max(Comparator.comparing(Release::released));
  }

  /** The newest release out by {@code day}, whatever its kind. */
  Optional<Release> newest(LocalDate day) {
    return releases.stream()
        .filter(r -> r.releasedBy(day))
        .max(Comparator.comparing(Release::released));
  }
}
