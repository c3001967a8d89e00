package io.scanwatch.policy.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RootCauseAnalysisTest {

  private static final OperatingSystem DEBIAN_11 = new OperatingSystem("debian", "11.3", false);

  private final RootCauseAnalysis analysis = new RootCauseAnalysis(DistributionReleases.bundled());

  /**
   * The seed's story: a Debian 11.3 image, 9 of its 11 CRITICAL and HIGH findings in OS packages.
   */
  private static final List<Finding> DEBIAN_11_FINDINGS =
      List.of(
          os("CVE-2022-1292", "openssl", Severity.CRITICAL, "debian"),
          os("CVE-2022-2068", "openssl", Severity.CRITICAL, "debian"),
          os("CVE-2022-1292", "libssl1.1", Severity.CRITICAL, "debian"),
          os("CVE-2022-37434", "zlib1g", Severity.CRITICAL, "debian"),
          os("CVE-2022-23218", "libc6", Severity.CRITICAL, "debian"),
          os("CVE-2022-32221", "curl", Severity.CRITICAL, "debian"),
          os("CVE-2022-32221", "libcurl4", Severity.CRITICAL, "debian"),
          os("CVE-2022-1304", "libext2fs2", Severity.HIGH, "debian"),
          os("CVE-2022-29458", "libtinfo6", Severity.HIGH, "debian"),
          jar("CVE-2022-22965", "org.springframework:spring-beans", Severity.CRITICAL),
          jar("CVE-2022-22950", "org.springframework:spring-expression", Severity.HIGH));

  @Test
  void aDebian11ImageIn2024IsToldToRebuildOnDebian12Bookworm() {
    Optional<RootCauseHint> hint =
        analysis.analyse(DEBIAN_11, DEBIAN_11_FINDINGS, LocalDate.of(2024, 9, 1));

    assertThat(hint)
        .contains(
            new RootCauseHint(
                "Debian 11 \"bullseye\"",
                "Debian 12 \"bookworm\"",
                true,
                LocalDate.of(2024, 8, 14),
                9,
                11,
                "9 of 11 counted findings come from OS packages of Debian 11 \"bullseye\", end of"
                    + " life since 2024-08-14: rebuild on Debian 12 \"bookworm\""));
  }

  @Test
  void aDebian11ImageBeforeItsEndOfLifeIsStillToldBookwormIsTheCurrentStableRelease() {
    RootCauseHint hint =
        analysis.analyse(DEBIAN_11, DEBIAN_11_FINDINGS, LocalDate.of(2024, 1, 1)).orElseThrow();

    assertThat(hint.endOfLife()).isFalse();
    assertThat(hint.endOfLifeDate()).isNull();
    assertThat(hint.upgradeTo()).isEqualTo("Debian 12 \"bookworm\"");
    assertThat(hint.summary())
        .isEqualTo(
            "9 of 11 counted findings come from OS packages of Debian 11 \"bullseye\", superseded"
                + " and supported until 2024-08-14: rebuild on Debian 12 \"bookworm\"");
  }

  @Test
  void aDebian11ImageOnTheThirdOfDecember2026IsToldToRebuildOnDebian13Trixie() {
    RootCauseHint hint =
        analysis.analyse(DEBIAN_11, DEBIAN_11_FINDINGS, LocalDate.of(2026, 12, 3)).orElseThrow();

    assertThat(hint.summary())
        .isEqualTo(
            "9 of 11 counted findings come from OS packages of Debian 11 \"bullseye\", end of"
                + " life since 2024-08-14: rebuild on Debian 13 \"trixie\"");
  }

  @Test
  void theScannersEndOfLifeFlagCountsBeforeTheDataSaysSo() {
    OperatingSystem flagged = new OperatingSystem("debian", "11.9", true);

    RootCauseHint hint =
        analysis.analyse(flagged, DEBIAN_11_FINDINGS, LocalDate.of(2024, 1, 1)).orElseThrow();

    assertThat(hint.endOfLife()).isTrue();
    assertThat(hint.endOfLifeDate()).isNull();
    assertThat(hint.summary())
        .isEqualTo(
            "9 of 11 counted findings come from OS packages of Debian 11 \"bullseye\", end of"
                + " life according to the scanner: rebuild on Debian 12 \"bookworm\"");
  }

  @Test
  void aDebian12ImageOnNewYear2024IsCurrentAndGetsNoHint() {
    OperatingSystem bookworm = new OperatingSystem("debian", "12.4", false);

    assertThat(analysis.analyse(bookworm, DEBIAN_11_FINDINGS, LocalDate.of(2024, 1, 1))).isEmpty();
  }

  @Test
  void findingsMostlyInLanguagePackagesGetNoHint() {
    List<Finding> mostlyJars =
        List.of(
            os("CVE-2022-1292", "openssl", Severity.CRITICAL, "debian"),
            jar("CVE-2022-22965", "org.springframework:spring-beans", Severity.CRITICAL),
            jar("CVE-2022-22950", "org.springframework:spring-expression", Severity.HIGH));

    assertThat(analysis.analyse(DEBIAN_11, mostlyJars, LocalDate.of(2024, 9, 1))).isEmpty();
  }

  @Test
  void exactlyHalfFromOsPackagesIsNotMost() {
    List<Finding> half =
        List.of(
            os("CVE-2022-1292", "openssl", Severity.CRITICAL, "debian"),
            jar("CVE-2022-22965", "org.springframework:spring-beans", Severity.CRITICAL));

    assertThat(analysis.analyse(DEBIAN_11, half, LocalDate.of(2024, 9, 1))).isEmpty();
  }

  @Test
  void theOsResultTypeAloneOrAnOsPackageUrlMarksAFindingAsFromAnOsPackage() {
    Finding typedOnly =
        withDetails("CVE-2022-1292", "openssl", null, "debian", "pkg:deb/debian/openssl@1.1.1n");
    Finding purlOnly =
        withDetails("CVE-2022-37434", "zlib1g", null, null, "pkg:deb/debian/zlib1g@1.2.11");
    Finding withoutDetails =
        new Finding("CVE-2022-2068", "openssl", "1.1.1n", "1.1.1o", Severity.CRITICAL, null);

    RootCauseHint hint =
        analysis
            .analyse(
                DEBIAN_11, List.of(typedOnly, purlOnly, withoutDetails), LocalDate.of(2024, 9, 1))
            .orElseThrow();

    assertThat(hint.osFindings()).isEqualTo(2);
    assertThat(hint.countedFindings()).isEqualTo(3);
  }

  @Test
  void findingsWithoutDetailsAreNotClaimedForTheOs() {
    List<Finding> noDetails =
        List.of(
            new Finding("CVE-2022-1292", "openssl", "1.1.1n", "1.1.1o", Severity.CRITICAL, null),
            new Finding("CVE-2022-37434", "zlib1g", "1.2.11", "1.2.12", Severity.CRITICAL, null));

    assertThat(analysis.analyse(DEBIAN_11, noDetails, LocalDate.of(2024, 9, 1))).isEmpty();
  }

  @Test
  void alpine3102FlaggedEndOfLifeByTheScannerIsToldToRebuildOnTheCurrentAlpine() {
    OperatingSystem alpine = new OperatingSystem("alpine", "3.10.2", true);
    List<Finding> findings =
        List.of(
            os("CVE-2019-1549", "libcrypto1.1", Severity.MEDIUM, "alpine"),
            os("CVE-2019-1551", "libcrypto1.1", Severity.MEDIUM, "alpine"),
            os("CVE-2019-1549", "libssl1.1", Severity.MEDIUM, "alpine"),
            os("CVE-2019-1551", "libssl1.1", Severity.MEDIUM, "alpine"));

    assertThat(analysis.analyse(alpine, findings, LocalDate.of(2026, 12, 3)))
        .contains(
            new RootCauseHint(
                "Alpine 3.10",
                "Alpine 3.23",
                true,
                LocalDate.of(2021, 5, 1),
                4,
                4,
                "4 of 4 counted findings come from OS packages of Alpine 3.10, end of life since"
                    + " 2021-05-01: rebuild on Alpine 3.23"));
    assertThat(analysis.analyse(alpine, findings, LocalDate.of(2020, 1, 1)))
        .map(RootCauseHint::upgradeTo)
        .contains("Alpine 3.11");
  }

  @Test
  void ubuntu1804IsToldToRebuildOnTheCurrentLtsNotAnInterimRelease() {
    OperatingSystem bionic = new OperatingSystem("ubuntu", "18.04", false);
    List<Finding> findings = osFindings(3, "ubuntu");

    assertThat(analysis.analyse(bionic, findings, LocalDate.of(2025, 1, 15)))
        .map(RootCauseHint::summary)
        .contains(
            "3 of 3 counted findings come from OS packages of Ubuntu 18.04 LTS \"Bionic Beaver\","
                + " end of life since 2023-05-31: rebuild on Ubuntu 24.04 LTS \"Noble Numbat\"");
  }

  @Test
  void anEndOfLifeUbuntuInterimReleaseNewerThanTheCurrentLtsIsToldTheNewestRelease() {
    OperatingSystem hirsute = new OperatingSystem("ubuntu", "21.04", false);

    assertThat(analysis.analyse(hirsute, osFindings(2, "ubuntu"), LocalDate.of(2021, 12, 1)))
        .isEmpty();
    assertThat(analysis.analyse(hirsute, osFindings(2, "ubuntu"), LocalDate.of(2022, 2, 1)))
        .map(RootCauseHint::summary)
        .contains(
            "2 of 2 counted findings come from OS packages of Ubuntu 21.04 \"Hirsute Hippo\", end"
                + " of life since 2022-01-20: rebuild on Ubuntu 21.10 \"Impish Indri\"");
  }

  @Test
  void centos7IsReadFromItsFullVersionAndToldToMoveToCentOsStream9() {
    OperatingSystem centos = new OperatingSystem("centos", "7.6.1810", false);

    assertThat(analysis.analyse(centos, osFindings(2, "centos"), LocalDate.of(2024, 9, 1)))
        .map(RootCauseHint::summary)
        .contains(
            "2 of 2 counted findings come from OS packages of CentOS 7, end of life since"
                + " 2024-06-30: rebuild on CentOS Stream 9");
  }

  @Test
  void amazonLinux2IsReadFromTrivysKarooNameAndToldToMoveTo2023() {
    OperatingSystem amazon = new OperatingSystem("amazon", "2 (Karoo)", false);

    assertThat(analysis.analyse(amazon, osFindings(2, "amazon"), LocalDate.of(2024, 9, 1)))
        .map(RootCauseHint::summary)
        .contains(
            "2 of 2 counted findings come from OS packages of Amazon Linux 2 \"Karoo\", superseded"
                + " and supported until 2026-06-30: rebuild on Amazon Linux 2023");
  }

  @Test
  void rhel84IsRhel8AndSupersededByRhel9() {
    OperatingSystem rhel = new OperatingSystem("redhat", "8.4", false);

    assertThat(analysis.analyse(rhel, osFindings(2, "redhat"), LocalDate.of(2024, 9, 1)))
        .map(RootCauseHint::upgradeTo)
        .contains("Red Hat Enterprise Linux 9");
  }

  @Test
  void anUnknownFamilyAVersionlessNameOrNoOsGetNoHint() {
    LocalDate day = LocalDate.of(2024, 9, 1);

    assertThat(
            analysis.analyse(
                new OperatingSystem("photon", "3.0", true), osFindings(2, "photon"), day))
        .isEmpty();
    assertThat(
            analysis.analyse(
                new OperatingSystem("debian", "bookworm/sid", false), DEBIAN_11_FINDINGS, day))
        .isEmpty();
    assertThat(
            analysis.analyse(new OperatingSystem("debian", "7.11", true), DEBIAN_11_FINDINGS, day))
        .isEmpty();
    assertThat(analysis.analyse(null, DEBIAN_11_FINDINGS, day)).isEmpty();
    assertThat(analysis.analyse(DEBIAN_11, List.of(), day)).isEmpty();
  }

  private static List<Finding> osFindings(int count, String family) {
    List<Finding> findings = new ArrayList<>();
    IntStream.range(0, count)
        .forEach(i -> findings.add(os("CVE-2099-000" + i, "pkg" + i, Severity.HIGH, family)));
    return findings;
  }

  private static Finding os(String id, String pkg, Severity severity, String family) {
    return new Finding(
        id,
        pkg,
        "1.0",
        "1.1",
        severity,
        null,
        new Finding.Details(
            null, "fixed", null, null, null, "image (" + family + ")", "os-pkgs", family, null));
  }

  private static Finding jar(String id, String pkg, Severity severity) {
    return new Finding(
        id,
        pkg,
        "5.3.15",
        "5.3.18",
        severity,
        null,
        new Finding.Details(null, "fixed", null, null, null, "Java", "lang-pkgs", "jar", null));
  }

  private static Finding withDetails(
      String id, String pkg, String resultClass, String packageType, String purl) {
    return new Finding(
        id,
        pkg,
        "1.0",
        "1.1",
        Severity.CRITICAL,
        null,
        new Finding.Details(purl, null, null, null, null, "image", resultClass, packageType, null));
  }
}
