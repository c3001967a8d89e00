package io.scanwatch.policy.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DistributionReleasesTest {

  private static final String ONE_DEBIAN =
      """
      distributions:
        debian:
          name: Debian
          families: [debian]
          releases:
            - { version: "11", codename: bullseye, released: 2021-08-14, support-ends: 2024-08-14 }
            - { version: "12", codename: bookworm, released: 2023-06-10, support-ends: 2026-06-10 }
      """;

  private static final String ONE_DEBIAN_WITH_A_NEWER_RELEASE =
      ONE_DEBIAN
          + """
                - { version: "13", codename: trixie, released: 2025-08-09 }
          """;

  private final DistributionReleases bundled = DistributionReleases.bundled();

  @Test
  void trivysOsNamesAreMatchedToTheReleaseTheyBelongTo() {
    assertThat(release("debian", "11.3")).contains("Debian 11 \"bullseye\"");
    assertThat(release("ubuntu", "18.04")).contains("Ubuntu 18.04 LTS \"Bionic Beaver\"");
    assertThat(release("alpine", "3.10.2")).contains("Alpine 3.10");
    assertThat(release("alpine", "3.1")).isEmpty();
    assertThat(release("centos", "7.6.1810")).contains("CentOS 7");
    assertThat(release("amazon", "2 (Karoo)")).contains("Amazon Linux 2 \"Karoo\"");
    assertThat(release("amazon", "2023.4.20240319")).contains("Amazon Linux 2023");
    assertThat(release("amazon", "2018.03")).contains("Amazon Linux 1");
    assertThat(release("amazon", "AMI release 2018.03")).contains("Amazon Linux 1");
    assertThat(release("redhat", "8.4")).contains("Red Hat Enterprise Linux 8");
    assertThat(release("rocky", "9.3")).contains("Rocky Linux 9");
    assertThat(release("alma", "8.9")).contains("AlmaLinux 8");
  }

  @Test
  void namesWithoutAVersionOrOfUnknownFamiliesMatchNothing() {
    assertThat(release("debian", "bookworm/sid")).isEmpty();
    assertThat(release("debian", null)).isEmpty();
    assertThat(release("photon", "3.0")).isEmpty();
    assertThat(release(null, "3.0")).isEmpty();
  }

  @Test
  void familyNamesAreMatchedWithoutRegardToCaseAndByAlias() {
    assertThat(bundled.distribution("RedHat").map(Distribution::name))
        .contains("Red Hat Enterprise Linux");
    assertThat(bundled.distribution("rhel").map(Distribution::name))
        .contains("Red Hat Enterprise Linux");
  }

  @Test
  void theCurrentStableReleaseIsTheLatestOutOnTheDay() {
    Distribution debian = bundled.distribution("debian").orElseThrow();

    assertThat(debian.currentStable(LocalDate.of(2023, 6, 9)).map(Release::version)).contains("11");
    assertThat(debian.currentStable(LocalDate.of(2023, 6, 10)).map(Release::version))
        .contains("12");
    assertThat(debian.currentStable(LocalDate.of(2026, 12, 3)).map(Release::version))
        .contains("13");
  }

  @Test
  void ubuntusCurrentStableReleaseIsTheLatestLts() {
    Distribution ubuntu = bundled.distribution("ubuntu").orElseThrow();

    assertThat(ubuntu.currentStable(LocalDate.of(2025, 11, 1)).map(Release::version))
        .contains("24.04");
    assertThat(ubuntu.currentStable(LocalDate.of(2026, 12, 3)).map(Release::version))
        .contains("26.04");
  }

  @Test
  void everyBundledReleaseThatIsOutHasItsSupportEnd() {
    assertThat(bundled.distributions())
        .extracting(Distribution::name)
        .containsExactly(
            "Debian",
            "Ubuntu",
            "Alpine",
            "CentOS",
            "Red Hat Enterprise Linux",
            "Rocky Linux",
            "AlmaLinux",
            "Amazon Linux");
    bundled.distributions().stream()
        .flatMap(d -> d.releases().stream())
        .filter(r -> r.released() != null)
        .forEach(r -> assertThat(r.supportEnds()).as(r.label()).isAfter(r.released()));
  }

  @Test
  void anUnquotedVersionIsRejectedBecause310WouldReadAs31() {
    String unquoted =
        """
        distributions:
          alpine:
            name: Alpine
            families: [alpine]
            releases:
              - { version: 3.10, released: 2019-06-19 }
        """;

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DistributionReleases.parse(unquoted))
        .withMessage("distributions.alpine.releases[0].version: expected quoted text, found '3.1'");
  }

  @Test
  void aBadDateOrBrokenYamlIsRejectedSayingWhere() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> DistributionReleases.parse(ONE_DEBIAN.replace("2024-08-14", "August 2024")))
        .withMessageStartingWith("distributions.debian.releases[0].support-ends: expected a date");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DistributionReleases.parse("distributions: [unclosed"))
        .withMessageStartingWith("not valid YAML");
  }

  @Test
  void aDataFileGivenByPathIsReReadWhenItChangesAndABrokenEditKeepsTheLastGoodData(
      @TempDir Path dir) throws IOException {
    Path file = dir.resolve("distributions.yaml");
    Files.writeString(file, ONE_DEBIAN);
    SettableClock clock = new SettableClock(Instant.parse("2026-12-03T10:00:00Z"));
    var releases = new DistributionReleasesFile(file, clock, Duration.ofSeconds(30));
    assertThat(stable(releases.get())).contains("12");

    edit(file, ONE_DEBIAN_WITH_A_NEWER_RELEASE, "2026-12-03T10:00:10Z");
    clock.advance(Duration.ofSeconds(29));
    assertThat(stable(releases.get())).as("not looked at within 30 s").contains("12");
    clock.advance(Duration.ofSeconds(1));
    assertThat(stable(releases.get())).contains("13");

    edit(file, "distributions:\n  debian: [", "2026-12-03T10:01:00Z");
    clock.advance(Duration.ofSeconds(30));
    assertThat(stable(releases.get())).as("broken edit").contains("13");

    edit(file, ONE_DEBIAN, "2026-12-03T10:02:00Z");
    clock.advance(Duration.ofSeconds(30));
    assertThat(stable(releases.get())).as("repaired").contains("12");
  }

  @Test
  void aDataFileThatCannotBeReadAtStartIsRefused(@TempDir Path dir) {
    Clock clock = Clock.systemUTC();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new DistributionReleasesFile(dir.resolve("missing.yaml"), clock, Duration.ZERO))
        .withMessageContaining("missing.yaml");
  }

  @Test
  void theServiceUsesTheBundledDataUnlessAFileIsNamed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("distributions.yaml");
    Files.writeString(file, ONE_DEBIAN);
    var debian12 = new OperatingSystem("debian", "12.8", false);
    var bookwormFinding =
        new Finding(
            "CVE-2099-0001",
            "openssl",
            "3.0.15",
            "3.0.16",
            Severity.HIGH,
            null,
            new Finding.Details(null, null, null, null, null, "image", "os-pkgs", "debian", null));
    LocalDate day = LocalDate.of(2026, 12, 3);
    var runner =
        new ApplicationContextRunner()
            .withUserConfiguration(RootCauseConfiguration.class)
            .withBean(Clock.class, () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    runner
        .withPropertyValues("scanwatch.policy.distributions-file=")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(RootCauseAnalysis.class)
                            .analyse(debian12, List.of(bookwormFinding), day)
                            .map(RootCauseHint::upgradeTo))
                    .contains("Debian 13 \"trixie\""));
    runner
        .withPropertyValues("scanwatch.policy.distributions-file=" + file)
        .run(
            context ->
                assertThat(
                        context
                            .getBean(RootCauseAnalysis.class)
                            .analyse(debian12, List.of(bookwormFinding), day)
                            .map(RootCauseHint::summary))
                    .as("the named file knows no Debian 13 to rebuild on")
                    .contains(
                        "1 of 1 counted finding comes from OS packages of Debian 12"
                            + " \"bookworm\", end of life since 2026-06-10"));
  }

  private Optional<String> release(String family, String name) {
    return bundled.distribution(family).flatMap(d -> d.release(name)).map(Release::label);
  }

  private static Optional<String> stable(DistributionReleases releases) {
    return releases
        .distribution("debian")
        .flatMap(d -> d.currentStable(LocalDate.of(2026, 12, 3)))
        .map(Release::version);
  }

  private static void edit(Path file, String text, String modifiedAt) throws IOException {
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modifiedAt)));
  }

  /** A clock the test moves forward. */
  private static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
