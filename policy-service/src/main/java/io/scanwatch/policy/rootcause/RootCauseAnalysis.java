package io.scanwatch.policy.rootcause;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.OperatingSystem;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Says when an image's findings come mostly from its OS packages and its OS release is end of life
 * or older than the distribution's current stable release, naming the release to rebuild on.
 *
 * <p>A finding is from an OS package when the scanner says where it was found: its result class is
 * {@code os-pkgs}, or its package type is the OS family (Trivy's OS result type), or, when neither
 * is given (CycloneDX, Trivy Operator), its package URL is a {@code deb}, {@code apk} or {@code
 * rpm} one. A finding without details is not counted as from an OS package: the hint claims only
 * what the report shows.
 *
 * <p>A release is end of life once its distribution's own security support has ended, or when the
 * scanner flags it so; paid or volunteer extended support (Debian LTS, Ubuntu ESM, RHEL ELS) does
 * not keep it alive, because images built on it stop getting fixes from the ordinary repositories.
 */
public final class RootCauseAnalysis {

  private static final Set<String> OS_PURL_TYPES = Set.of("pkg:deb/", "pkg:apk/", "pkg:rpm/");

  private final Supplier<DistributionReleases> releases;

  /** Reads the releases from {@code releases} on every analysis, so that they can be reloaded. */
  public RootCauseAnalysis(Supplier<DistributionReleases> releases) {
    this.releases = releases;
  }

  public RootCauseAnalysis(DistributionReleases releases) {
    this(() -> releases);
  }

  /**
   * Whether {@code os} is end of life on {@code today}: flagged so by the scanner, or past its
   * distribution's security support in the data. An unknown release is not.
   */
  public boolean endOfLife(OperatingSystem os, LocalDate today) {
    if (os.endOfLife()) {
      return true;
    }
    return releases
        .get()
        .distribution(os.family())
        .flatMap(distribution -> distribution.release(os.name()))
        .map(release -> release.endOfLifeOn(today))
        .orElse(false);
  }

  /**
   * The hint for an image, or empty when there is none: no OS, an unknown distribution or release,
   * no more than half of the counted findings from OS packages, or a release that is current.
   *
   * @param os the image's operating system, or {@code null}
   * @param countedFindings the findings the verdict counted
   * @param today the day to judge support and the current stable release on
   */
  public Optional<RootCauseHint> analyse(
      OperatingSystem os, List<Finding> countedFindings, LocalDate today) {
    if (os == null || countedFindings.isEmpty()) {
      return Optional.empty();
    }
    Optional<Distribution> known = releases.get().distribution(os.family());
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Distribution distribution = known.get();
    Optional<Release> identified = distribution.release(os.name());
    if (identified.isEmpty()) {
      return Optional.empty();
    }
    Release release = identified.get();

    int osFindings =
        (int) countedFindings.stream().filter(f -> fromOsPackage(f, os, distribution)).count();
    if (osFindings * 2 <= countedFindings.size()) {
      return Optional.empty();
    }

    Optional<Release> stable = distribution.currentStable(today);
    boolean superseded = stable.isPresent() && release.olderThan(stable.get());
    boolean endOfLife = os.endOfLife() || release.endOfLifeOn(today);
    if (!endOfLife && !superseded) {
      return Optional.empty();
    }
    // An end-of-life release newer than the current LTS (an Ubuntu interim one) still needs a
    // target.
    Optional<Release> target =
        superseded
            ? stable
            : distribution.newest(today).filter(newest -> release.olderThan(newest));
    LocalDate endOfLifeDate = release.endOfLifeOn(today) ? release.supportEnds() : null;

    String upgradeTo = target.map(Release::label).orElse(null);
    return Optional.of(
        new RootCauseHint(
            release.label(),
            upgradeTo,
            endOfLife,
            endOfLifeDate,
            osFindings,
            countedFindings.size(),
            summary(
                release, endOfLife, endOfLifeDate, upgradeTo, osFindings, countedFindings.size())));
  }

  private static boolean fromOsPackage(Finding finding, OperatingSystem os, Distribution distro) {
    Finding.Details details = finding.details();
    if (details == null) {
      return false;
    }
    if ("os-pkgs".equalsIgnoreCase(details.resultClass())) {
      return true;
    }
    if (details.packageType() != null) {
      String type = details.packageType().trim().toLowerCase(Locale.ROOT);
      return type.equalsIgnoreCase(os.family()) || distro.families().contains(type);
    }
    if (details.resultClass() == null && details.purl() != null) {
      String purl = details.purl().toLowerCase(Locale.ROOT);
      return OS_PURL_TYPES.stream().anyMatch(purl::startsWith);
    }
    return false;
  }

  private static String summary(
      Release release,
      boolean endOfLife,
      LocalDate endOfLifeDate,
      String upgradeTo,
      int osFindings,
      int counted) {
    StringBuilder summary =
        new StringBuilder()
            .append(osFindings)
            .append(" of ")
            .append(counted)
            .append(counted == 1 ? " counted finding comes" : " counted findings come")
            .append(" from OS packages of ")
            .append(release.label());
    if (endOfLifeDate != null) {
      summary.append(", end of life since ").append(endOfLifeDate);
    } else if (endOfLife) {
      summary.append(", end of life according to the scanner");
    } else if (release.supportEnds() != null) {
      summary.append(", superseded and supported until ").append(release.supportEnds());
    } else {
      summary.append(", superseded");
    }
    if (upgradeTo != null) {
      summary.append(": rebuild on ").append(upgradeTo);
    }
    return summary.toString();
  }
}
