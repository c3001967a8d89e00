package io.scanwatch.policy.exception;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.RepositoryGlob;
import io.scanwatch.contracts.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PolicyExceptionTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant LATER = NOW.plus(Duration.ofDays(30));

  private static final ImageReference PAYMENTS_API =
      new ImageReference("registry.example.com", "team-a/payments/api", "1.4", null);
  private static final ImageReference BILLING =
      new ImageReference("registry.example.com", "team-b/billing", "2.0", null);

  private static final Finding OPENSSL =
      finding(
          "CVE-2023-5678",
          "libssl3",
          "pkg:deb/debian/libssl3@3.0.11-1?arch=amd64&distro=debian-12");

  @Test
  void anExceptionByVulnerabilityIdAloneAppliesToEveryImageAndPackage() {
    PolicyException exception = exception("CVE-2023-5678", null, null, null, LATER);

    assertThat(exception.appliesTo(PAYMENTS_API, OPENSSL, CLOCK.instant())).isTrue();
    assertThat(exception.appliesTo(BILLING, OPENSSL, CLOCK.instant())).isTrue();
    assertThat(
            exception.appliesTo(
                BILLING, finding("CVE-2023-5678", "openssl", null), CLOCK.instant()))
        .isTrue();
    assertThat(
            exception.appliesTo(
                BILLING, finding("CVE-2023-9999", "libssl3", null), CLOCK.instant()))
        .isFalse();
  }

  @Test
  void theVulnerabilityIdIsComparedWithoutRegardToCase() {
    PolicyException exception = exception("cve-2023-5678", null, null, null, LATER);

    assertThat(exception.appliesTo(PAYMENTS_API, OPENSSL, CLOCK.instant())).isTrue();
  }

  @Test
  void aSingleStarMatchesWithinOneSegmentAndADoubleStarAcrossSegments() {
    assertThat(exception("CVE-2023-5678", "team-a/*", null, null, LATER).coversImage(PAYMENTS_API))
        .isFalse();
    assertThat(exception("CVE-2023-5678", "team-a/**", null, null, LATER).coversImage(PAYMENTS_API))
        .isTrue();
    assertThat(exception("CVE-2023-5678", "team-a/**", null, null, LATER).coversImage(BILLING))
        .isFalse();
    assertThat(
            exception("CVE-2023-5678", "team-a/*/api", null, null, LATER).coversImage(PAYMENTS_API))
        .isTrue();
  }

  @Test
  void aGlobMatchesTheRepositoryWithItsRegistryToo() {
    assertThat(
            exception("CVE-2023-5678", "registry.example.com/team-b/*", null, null, LATER)
                .coversImage(BILLING))
        .isTrue();
    assertThat(
            exception("CVE-2023-5678", "ghcr.io/team-b/*", null, null, LATER).coversImage(BILLING))
        .isFalse();
  }

  @Test
  void anExceptionNarrowedToAPackageLeavesOtherPackagesCounted() {
    PolicyException exception = exception("CVE-2023-5678", null, "libssl3", null, LATER);

    assertThat(exception.appliesTo(BILLING, OPENSSL, CLOCK.instant())).isTrue();
    assertThat(
            exception.appliesTo(
                BILLING, finding("CVE-2023-5678", "libcrypto3", null), CLOCK.instant()))
        .isFalse();
  }

  @Test
  void aPurlWithoutVersionMatchesEveryVersionAndQualifiersInAnyOrder() {
    PolicyException exception =
        exception(
            "CVE-2023-5678",
            null,
            null,
            "pkg:deb/debian/libssl3?distro=debian-12&arch=amd64",
            LATER);

    assertThat(exception.appliesTo(BILLING, OPENSSL, CLOCK.instant())).isTrue();
    assertThat(
            exception.appliesTo(
                BILLING,
                finding(
                    "CVE-2023-5678",
                    "libssl3",
                    "pkg:deb/debian/libssl3@3.0.9?arch=arm64&distro=debian-12"),
                CLOCK.instant()))
        .isFalse();
  }

  @Test
  void aPurlWithAVersionMatchesThatVersionOnly() {
    PolicyException exception =
        exception("CVE-2023-5678", null, null, "pkg:deb/debian/libssl3@3.0.11-1", LATER);

    assertThat(exception.appliesTo(BILLING, OPENSSL, CLOCK.instant())).isTrue();
    assertThat(
            exception.appliesTo(
                BILLING,
                finding("CVE-2023-5678", "libssl3", "pkg:deb/debian/libssl3@3.0.9-1"),
                CLOCK.instant()))
        .isFalse();
  }

  @Test
  void aPurlExceptionMatchesAFindingWithoutAPurlByNameAndInstalledVersion() {
    // Older Trivy reports and the Trivy Operator give no PURL: name and version are all there is.
    Finding withoutPurl = finding("CVE-2023-5678", "libssl3", null);

    assertThat(
            exception("CVE-2023-5678", null, null, "pkg:deb/debian/libssl3", LATER)
                .appliesTo(BILLING, withoutPurl, CLOCK.instant()))
        .isTrue();
    assertThat(
            exception("CVE-2023-5678", null, null, "pkg:deb/debian/libssl3@3.0.11-1", LATER)
                .appliesTo(BILLING, withoutPurl, CLOCK.instant()))
        .isTrue();
    assertThat(
            exception("CVE-2023-5678", null, null, "pkg:deb/debian/libssl3@3.0.9-1", LATER)
                .appliesTo(BILLING, withoutPurl, CLOCK.instant()))
        .isFalse();
    assertThat(
            exception("CVE-2023-5678", null, null, "pkg:deb/debian/libcrypto3", LATER)
                .appliesTo(BILLING, withoutPurl, CLOCK.instant()))
        .isFalse();
  }

  @Test
  void theTypeAndNamespaceOfAPurlExceptionCountWhenTheFindingHasAPurl() {
    PolicyException exception =
        exception("CVE-2023-5678", null, null, "pkg:apk/alpine/libssl3", LATER);

    assertThat(exception.appliesTo(BILLING, OPENSSL, CLOCK.instant())).isFalse();
    assertThat(
            exception.appliesTo(
                BILLING, finding("CVE-2023-5678", "libssl3", null), CLOCK.instant()))
        .isTrue();
  }

  @Test
  void aMavenPurlMatchesTheGroupAndArtifactTrivyNamesAPackageWithout() {
    PolicyException exception =
        exception("CVE-2023-5678", null, null, "pkg:maven/org.springframework/spring-beans", LATER);

    assertThat(
            exception.appliesTo(
                BILLING,
                finding("CVE-2023-5678", "org.springframework:spring-beans", null),
                CLOCK.instant()))
        .isTrue();
    assertThat(
            exception.appliesTo(
                BILLING,
                finding("CVE-2023-5678", "org.example:spring-beans-extra", null),
                CLOCK.instant()))
        .isFalse();
  }

  @Test
  void anExceptionStopsApplyingExactlyAtItsExpiry() {
    Instant expiresAt = NOW.plusSeconds(60);
    PolicyException exception = exception("CVE-2023-5678", null, null, null, expiresAt);

    assertThat(exception.appliesTo(BILLING, OPENSSL, expiresAt.minusMillis(1))).isTrue();
    assertThat(exception.appliesTo(BILLING, OPENSSL, expiresAt)).isFalse();
    assertThat(exception.appliesTo(BILLING, OPENSSL, expiresAt.plusMillis(1))).isFalse();
  }

  @Test
  void badGlobsAreNamedAndGoodOnesAreNot() {
    assertThat(RepositoryGlob.problem("team-a/**")).isEmpty();
    assertThat(RepositoryGlob.problem("registry.example.com:5000/team-a/*")).isEmpty();
    assertThat(RepositoryGlob.problem("team a/*")).isPresent();
    assertThat(RepositoryGlob.problem("team-a/***")).isPresent();
    assertThat(RepositoryGlob.problem("team-a//api")).isPresent();
    assertThat(RepositoryGlob.problem("team-[ab]/api")).isPresent();
  }

  private static PolicyException exception(
      String vulnerabilityId,
      String repository,
      String packageName,
      String purl,
      Instant expiresAt) {
    return new PolicyException(
        "e-1",
        vulnerabilityId,
        repository,
        packageName,
        purl,
        "not reachable from the web tier",
        "team-a",
        expiresAt,
        NOW.minus(Duration.ofDays(1)),
        null);
  }

  static Finding finding(String vulnerabilityId, String packageName, String purl) {
    return new Finding(
        vulnerabilityId,
        packageName,
        "3.0.11-1",
        null,
        Severity.HIGH,
        null,
        purl == null
            ? null
            : new Finding.Details(purl, null, null, null, null, null, null, null, null));
  }
}
