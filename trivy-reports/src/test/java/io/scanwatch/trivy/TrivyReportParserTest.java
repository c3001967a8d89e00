package io.scanwatch.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.CvssScore;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrivyReportParserTest {

  private static final Path EXAMPLES = Path.of("..", "examples", "trivy");

  private final TrivyReports parser = new TrivyReports();

  @Test
  void spring4shellImageHasOneCriticalFindingOnDebian11() throws IOException {
    var parsed = parsed(Files.readAllBytes(EXAMPLES.resolve("spring4shell-jre11-image.json")));

    assertThat(parsed.image())
        .isEqualTo(
            new ImageReference(
                "ghcr.io", "aquasecurity/trivy-test-images", "spring4shell-jre11", null));
    assertThat(parsed.os()).isEqualTo(new OperatingSystem("debian", "11.3", false));
    assertThat(parsed.findings())
        .containsExactly(
            new Finding(
                "CVE-2022-22965",
                "org.springframework:spring-beans",
                "5.3.15",
                "5.3.18",
                Severity.CRITICAL,
                "spring-framework: RCE via Data Binding on JDK 9+",
                new Finding.Details(
                    "pkg:maven/org.springframework/spring-beans@5.3.15",
                    "fixed",
                    new CvssScore("ghsa", 9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                    Instant.parse("2022-04-01T23:15:00Z"),
                    "https://avd.aquasec.com/nvd/cve-2022-22965",
                    "Java",
                    "lang-pkgs",
                    "jar",
                    "usr/local/tomcat/webapps/helloworld.war/WEB-INF/lib/spring-beans-5.3.15.jar")));
  }

  @Test
  void alpine310ImageHasFourMediumFindingsOnAnEndOfLifeOs() throws IOException {
    var parsed = parsed(Files.readAllBytes(EXAMPLES.resolve("alpine310-image.json")));

    assertThat(parsed.image().displayName())
        .isEqualTo("ghcr.io/aquasecurity/trivy-test-images:alpine-310");
    assertThat(parsed.os()).isEqualTo(new OperatingSystem("alpine", "3.10.2", true));
    assertThat(SeverityCounts.uniqueOf(parsed.findings()))
        .isEqualTo(new SeverityCounts(0, 0, 4, 0, 0));
  }

  @Test
  void nullVulnerabilitiesAndMissingOrUnknownSeveritiesAreKeptNotDropped() {
    var parsed =
        parsed(
            """
            {"SchemaVersion": 2, "ArtifactName": "registry.example.test/acme/web:1.0",
             "Results": [
               {"Target": "clean", "Vulnerabilities": null},
               {"Target": "app", "Vulnerabilities": [
                 {"VulnerabilityID": "GO-2099-0001", "PkgName": "golang.org/x/net", "InstalledVersion": "0.1.0"},
                 {"VulnerabilityID": "CVE-2099-0002", "PkgName": "libx", "InstalledVersion": "1", "Severity": "NEGLIGIBLE",
                  "LayerID": "sha256:abc", "FutureField": {"nested": [1, 2]}}
               ]}
             ]}
            """);

    assertThat(parsed.image())
        .isEqualTo(new ImageReference("registry.example.test", "acme/web", "1.0", null));
    assertThat(parsed.findings()).extracting(Finding::severity).containsOnly(Severity.UNKNOWN);
    assertThat(parsed.findings()).hasSize(2);
    assertThat(parsed.os()).isNull();
  }

  @Test
  void digestFromRepoDigestsJoinsTheTagFromRepoTags() {
    String digest = "sha256:" + "b".repeat(64);
    var parsed =
        parsed(
            """
            {"SchemaVersion": 2, "ArtifactName": "acme/api:2.0",
             "Metadata": {"RepoTags": ["acme/api:2.0"], "RepoDigests": ["acme/api@%s"]},
             "Results": []}
            """
                .formatted(digest));

    assertThat(parsed.image())
        .isEqualTo(new ImageReference("docker.io", "acme/api", "2.0", digest));
  }

  @Test
  void truncatedJsonIsMalformedWithItsPosition() {
    var outcome = parser.parse(bytes("{\"SchemaVersion\": 2,\n \"Results\": [ {\"Target\": "));

    assertThat(outcome).isInstanceOf(ParseOutcome.Malformed.class);
    assertThat(((ParseOutcome.Malformed) outcome).line()).isEqualTo(2);
  }

  @Test
  void anUnclosedArrayIsMalformedInWholeWords() {
    var outcome = parser.parse(bytes("{\"SchemaVersion\": 2, \"Results\": ["));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ParseOutcome.Malformed.class,
            malformed ->
                assertThat(malformed.reason())
                    .startsWith("Unexpected end-of-input")
                    .doesNotContain("start marker", "Source", "(")
                    .doesNotEndWith(" "));
  }

  @Test
  void duplicateKeysAreMalformedRatherThanSilentlyResolved() {
    var outcome = parser.parse(bytes("{\"SchemaVersion\": 2, \"SchemaVersion\": 2}"));

    assertThat(outcome).isInstanceOf(ParseOutcome.Malformed.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"text\"",
        "{}",
        "{\"SchemaVersion\": 1}",
        "{\"SchemaVersion\": \"2\"}",
        "{\"SchemaVersion\": 2, \"Results\": {}}",
        "{\"SchemaVersion\": 2, \"Results\": [{\"Vulnerabilities\": [\"CVE-2099-0001\"]}]}",
        "{\"SchemaVersion\": 2, \"Results\": [{\"Vulnerabilities\": {}}]}",
      })
  void wellFormedJsonThatIsNotATrivyReportIsUnrecognised(String json) {
    assertThat(parser.parse(bytes(json))).isInstanceOf(ParseOutcome.Unrecognised.class);
  }

  @Test
  void emptyBodyIsRefusedNotCrashedOn() {
    assertThat(parser.parse(new byte[0])).isNotInstanceOf(ParseOutcome.Parsed.class);
  }

  private ParseOutcome.Parsed parsed(String json) {
    return parsed(bytes(json));
  }

  private ParseOutcome.Parsed parsed(byte[] json) {
    ParseOutcome outcome = parser.parse(json);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return (ParseOutcome.Parsed) outcome;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
