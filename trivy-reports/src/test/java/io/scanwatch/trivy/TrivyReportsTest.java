package io.scanwatch.trivy;

import static io.scanwatch.trivy.TrivyCorpusTest.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.scanwatch.contracts.CvssScore;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ScanSummary;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrivyReportsTest {

  private final TrivyReports reports = new TrivyReports();

  @Test
  void aReportOverTheFindingsLimitIsLimitExceededAndOneAtItIsKept() {
    byte[] twoFindings =
        """
        {"SchemaVersion": 2, "ArtifactName": "registry.example.test/acme/app:1",
         "Results": [{"Target": "t", "Vulnerabilities": [
           {"VulnerabilityID": "CVE-2099-1", "PkgName": "a", "InstalledVersion": "1", "Severity": "LOW"},
           {"VulnerabilityID": "CVE-2099-2", "PkgName": "b", "InstalledVersion": "1", "Severity": "LOW"}
         ]}]}
        """
            .getBytes(StandardCharsets.UTF_8);
    ParseOutcome parsed = reports.parse(twoFindings);
    ParseOutcome malformed = reports.parse("{".getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.withAtMost(2)).isSameAs(parsed);
    assertThat(parsed.withAtMost(1))
        .isEqualTo(
            new ParseOutcome.LimitExceeded(
                "the report holds 2 findings; at most 1 are accepted (SCANWATCH_MAX_FINDINGS)"));
    assertThat(malformed.withAtMost(0)).isSameAs(malformed);
  }

  @Test
  void cvssComesFromTheSeveritySourceWhenThereIsNoNvdEntry() throws IOException {
    var parsed = parsed(corpusFile("B01-cvss-without-nvd.json"));

    assertThat(parsed.findings())
        .extracting(finding -> finding.details().cvss())
        .containsExactly(
            new CvssScore("redhat", 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
            new CvssScore("ghsa", 4.8, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"));
  }

  @Test
  void cvssOfTheSeveritySourceWinsOverNvdAndNvdIsTheFirstFallback() throws IOException {
    var parsed = parsed(corpusFile("dd-schema2-cvss-multi-source.json"));

    assertThat(parsed.findings())
        .extracting(finding -> finding.details().cvss())
        .containsExactly(
            new CvssScore("nvd", 6.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N"),
            new CvssScore("ghsa", 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N"));
  }

  @Test
  void aVulnerabilityWithoutCvssKeepsItsTemporaryIdAndHasNoScore() throws IOException {
    var parsed = parsed(corpusFile("B02-vuln-without-cvss-temp-id.json"));

    assertThat(parsed.findings())
        .extracting(Finding::vulnerabilityId)
        .anyMatch(id -> id.startsWith("TEMP-"));
    assertThat(parsed.findings()).allMatch(finding -> finding.details().cvss() == null);
  }

  @Test
  void aLowDistroSeverityStaysLowAndTheNvdScoreIsKeptAsInformation() throws IOException {
    var finding = parsed(corpusFile("B04-severity-low-nvd-score-high.json")).findings().getFirst();

    assertThat(finding.severity()).isEqualTo(Severity.LOW);
    assertThat(finding.details().status()).isEqualTo("will_not_fix");
    assertThat(finding.details().cvss().source()).isEqualTo("nvd");
    assertThat(finding.details().cvss().score()).isEqualTo(7.5);
  }

  @Test
  void aLangPackageWithoutPkgPathIsLocatedAtItsTarget() throws IOException {
    var details =
        parsed(corpusFile("B06-lang-pkgs-without-pkgpath.json")).findings().getFirst().details();

    assertThat(details.location()).isEqualTo("services/billing/requirements.txt");
    assertThat(details.target()).isEqualTo("services/billing/requirements.txt");
    assertThat(details.resultClass()).isEqualTo("lang-pkgs");
    assertThat(details.packageType()).isEqualTo("pip");
    assertThat(details.purl()).isEqualTo("pkg:pypi/requests-example@2.0.0");
    assertThat(details.publishedAt()).isNull();
  }

  @Test
  void theSummaryNamesTheScannerAndCountsFailedMisconfigurationsAndSecrets() throws IOException {
    var summary = parsed(corpusFile("dd-schema2-fs-misconfig-secrets-vulns.json")).summary();

    assertThat(summary)
        .isEqualTo(
            new ScanSummary(
                "trivy",
                null,
                "filesystem",
                null,
                2,
                new SeverityCounts(0, 1, 0, 0, 0),
                new SeverityCounts(2, 0, 0, 0, 0)));
  }

  @Test
  void theSummaryCarriesTrivysVersionAndTheReportsCreationTime() throws IOException {
    var summary = parsed(corpusFile("trivy-golden-secrets.json")).summary();

    assertThat(summary.scannerVersion()).isEqualTo("dev");
    assertThat(summary.artifactType()).isEqualTo("repository");
    assertThat(summary.createdAt()).isEqualTo(Instant.parse("2021-08-25T12:20:30.000000005Z"));
    assertThat(summary.secrets()).isEqualTo(new SeverityCounts(1, 1, 0, 0, 0));
    assertThat(summary.misconfigurations()).isEqualTo(SeverityCounts.NONE);
  }

  @Test
  void legacyArrayRecordsCleanTargetsAsScanned() throws IOException {
    var parsed = parsed(corpusFile("B09-legacy-null-vulnerabilities.json"));

    assertThat(parsed.targets()).hasSize(2);
    assertThat(parsed.findings()).hasSize(1);
  }

  @Test
  void preZeroTwoTargetMapIsAcceptedWithItsOneCleanTarget() throws IOException {
    var parsed = parsed(corpusFile("B09b-pre-0.2-target-keyed-map-null.json"));

    assertThat(parsed.targets())
        .containsExactly("registry.example.test/acme/legacy:1 (ubuntu 15.04)");
    assertThat(parsed.findings()).isEmpty();
  }

  @Test
  void anEntryWithoutVulnerabilityIdIsCountedAndNoted() throws IOException {
    var parsed = parsed(corpusFile("dd-legacy-array-mixed-targets-missing-severity.json"));

    assertThat(parsed.findings())
        .filteredOn(finding -> finding.vulnerabilityId().isEmpty())
        .singleElement()
        .extracting(Finding::packageName, Finding::severity)
        .containsExactly("simplito/elliptic-php", Severity.UNKNOWN);
    assertThat(parsed.notes()).anyMatch(note -> note.contains("without VulnerabilityID"));
  }

  @Test
  void clusterReportWithResourcesReadsClusterScopedResourcesWithoutNamespace() {
    var parsed =
        parsed(
            """
            {"ClusterName": "kind-acme", "Resources": [
              {"Namespace": "web", "Kind": "Deployment", "Name": "shop", "Results": [
                {"Target": "acme/shop:1 (alpine 3.19.1)", "Class": "os-pkgs", "Type": "alpine",
                 "Vulnerabilities": [{"VulnerabilityID": "CVE-2099-0001", "PkgName": "musl",
                                      "InstalledVersion": "1.2.4", "Severity": "HIGH"}]}]},
              {"Kind": "Node", "Name": "worker-1", "Results": [
                {"Target": "node-1", "Class": "os-pkgs", "Type": "ubuntu",
                 "Vulnerabilities": [{"VulnerabilityID": "CVE-2099-0002", "PkgName": "kubelet",
                                      "InstalledVersion": "1.29.0", "Severity": "LOW"}]}]},
              {"Kind": "ClusterRole", "Name": "admin", "Results": [
                {"Target": "ClusterRole/admin", "Class": "config",
                 "Misconfigurations": [{"Status": "FAIL", "Severity": "CRITICAL"},
                                       {"Status": "PASS", "Severity": "LOW"}]}]}
            ]}
            """);

    assertThat(parsed.format()).isEqualTo("trivy-k8s");
    assertThat(parsed.findings())
        .extracting(finding -> finding.details().target())
        .containsExactly("web/Deployment/shop acme/shop:1 (alpine 3.19.1)", "Node/worker-1 node-1");
    assertThat(parsed.summary().misconfigurations()).isEqualTo(new SeverityCounts(1, 0, 0, 0, 0));
    assertThat(parsed.image()).isNull();
  }

  @Test
  void operatorListOfMixedKindsReadsVulnerabilityReportsAndNotesTheRest() {
    var parsed =
        parsed(
            """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"kind": "VulnerabilityReport", "metadata": {"name": "a", "namespace": "web"},
               "report": {"artifact": {"repository": "acme/shop", "tag": "1"},
                          "registry": {"server": "registry.example.test"},
                          "vulnerabilities": [{"vulnerabilityID": "CVE-2099-0001", "resource": "musl",
                                               "installedVersion": "1.2.4", "severity": "HIGH"}]}},
              {"kind": "ConfigAuditReport", "metadata": {"name": "b"}},
              {"kind": "VulnerabilityReport", "metadata": {"name": "c", "namespace": "web"},
               "report": {"artifact": {"repository": "acme/cart", "tag": "2"},
                          "registry": {"server": "registry.example.test"},
                          "vulnerabilities": null}}
            ]}
            """);

    assertThat(parsed.findings()).hasSize(1);
    assertThat(parsed.image().displayName()).isEqualTo("registry.example.test/acme/shop:1");
    assertThat(parsed.notes())
        .containsExactly(
            "ignored 1 resource(s) of kind ConfigAuditReport",
            "2 images in the reports; all findings are filed under the first or the image"
                + " parameter");
  }

  @Test
  void operatorArrayWithoutAnyVulnerabilityReportIsUnrecognised() {
    assertThat(reports.parse(bytes("[{\"kind\": \"ConfigAuditReport\"}]")))
        .isEqualTo(
            new ParseOutcome.Unrecognised(
                "no VulnerabilityReport among the Kubernetes resources; kinds seen:"
                    + " [ConfigAuditReport]"));
  }

  @Test
  void cycloneDxFindingsNameTheComponentAndTheFixFromTrivysRecommendation() throws IOException {
    var finding =
        parsed(corpusFile("trivy-golden-npm-cyclonedx-with-vulns.cdx.json")).findings().getFirst();

    assertThat(finding.packageName()).isEqualTo("jquery");
    assertThat(finding.installedVersion()).isEqualTo("3.3.9");
    assertThat(finding.fixedVersion()).isEqualTo("3.4.0");
    assertThat(finding.details().purl()).isEqualTo("pkg:npm/jquery@3.3.9");
    assertThat(finding.details().cvss())
        .isEqualTo(new CvssScore("nvd", 6.1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"));
  }

  @Test
  void sarifMisconfigurationIsCountedAsAMisconfigurationNotAVulnerability() throws IOException {
    var parsed = parsed(corpusFile("secobserve-trivy-config.sarif.json"));

    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.summary().misconfigurations()).isEqualTo(new SeverityCounts(0, 0, 1, 0, 0));
  }

  @Test
  void sarifVulnerabilityReadsPackageAndVersionsFromTrivysMessage() throws IOException {
    var finding = parsed(corpusFile("trivy-golden-alpine310.sarif.json")).findings().getFirst();

    assertThat(finding)
        .extracting(
            Finding::vulnerabilityId,
            Finding::packageName,
            Finding::installedVersion,
            Finding::fixedVersion)
        .containsExactly("CVE-2019-1549", "libcrypto1.1", "1.1.1c-r0", "1.1.1d-r0");
  }

  @Test
  void schema2FieldsInAnyOrderGiveTheSameFindingDetails() {
    var parsed =
        parsed(
            """
            {"Results": [
               {"Vulnerabilities": [{"VulnerabilityID": "CVE-2099-0001", "PkgName": "musl",
                                     "InstalledVersion": "1.2.4", "Severity": "HIGH"}],
                "Packages": [{"Name": "musl", "Version": "1.2.4"}],
                "Type": "alpine", "Class": "os-pkgs", "Target": "acme/shop:1 (alpine 3.19.1)"}],
             "ArtifactType": "container_image", "ArtifactName": "registry.example.test/acme/shop:1",
             "SchemaVersion": 2}
            """);

    assertThat(parsed.image().displayName()).isEqualTo("registry.example.test/acme/shop:1");
    assertThat(parsed.findings().getFirst().details())
        .extracting(
            Finding.Details::target, Finding.Details::resultClass, Finding.Details::packageType)
        .containsExactly("acme/shop:1 (alpine 3.19.1)", "os-pkgs", "alpine");
  }

  @Test
  void aStreamedSchema2ReportReadsEveryEntryOfALargeResult() {
    String entry =
        "{\"VulnerabilityID\": \"CVE-2099-%d\", \"PkgName\": \"libx\", \"InstalledVersion\": \"1\","
            + " \"Severity\": \"LOW\"}";
    var entries = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      entries.append(i == 0 ? "" : ",").append(entry.formatted(i));
    }
    var parsed =
        parsed(
            "{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"t\", \"Vulnerabilities\": ["
                + entries
                + "]}]}");

    assertThat(parsed.findings()).hasSize(50_000);
    assertThat(parsed.findings().getLast().vulnerabilityId()).isEqualTo("CVE-2099-49999");
  }

  @Test
  void contentAfterAStreamedReportIsMalformed() {
    assertThat(reports.parse(bytes("{\"SchemaVersion\": 2, \"Results\": []} {}")))
        .isInstanceOf(ParseOutcome.Malformed.class);
  }

  @Test
  void bareNullAndEmptyLegacyArrayAreCleanReports() {
    assertThat(parsed("null").findings()).isEmpty();
    assertThat(parsed("[]").findings()).isEmpty();
  }

  @Test
  void truncatedJsonIsMalformed() {
    assertThat(reports.parse(bytes("{\"ClusterName\": \"c\", \"Resources\": [")))
        .isInstanceOf(ParseOutcome.Malformed.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"SchemaVersion\": 2, \"Results\": \"none\"}",
        "{\"SchemaVersion\": 2, \"Results\": [7]}",
        "{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"t\", \"Misconfigurations\": 1}]}",
        "{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"t\", \"Secrets\": {}}]}",
        "[{\"Target\": \"t\", \"Vulnerabilities\": \"none\"}]",
        "[{\"Target\": \"t\"}, 3]",
        "{\"ClusterName\": \"c\", \"Resources\": {}}",
        "{\"ClusterName\": \"c\", \"Resources\": [{\"Results\": 1}]}",
        "{\"kind\": \"VulnerabilityReport\", \"report\": {\"vulnerabilities\": {}}}",
        "{\"kind\": \"VulnerabilityReport\", \"report\": {\"vulnerabilities\": [{\"resource\": 1}]}}",
        "{\"bomFormat\": \"CycloneDX\", \"vulnerabilities\": {}}",
        "{\"bomFormat\": \"CycloneDX\", \"vulnerabilities\": [{\"id\": []}]}",
        "{\"runs\": [], \"version\": 2}",
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"Grype\"}}}]}",
        "{\"target\": 5}",
        "42",
      })
  void wrongTypesInFieldsAreUnrecognisedNotThrown(String json) {
    assertThat(reports.parse(bytes(json))).isInstanceOf(ParseOutcome.Unrecognised.class);
  }

  @Test
  void deeplyNestedArraysAreRefusedWithoutExhaustingTheStack() {
    String json = "[".repeat(100_000) + "]".repeat(100_000);

    assertThat(reports.parse(bytes(json))).isInstanceOf(ParseOutcome.LimitExceeded.class);
  }

  @Test
  void nestingDeeperThanAnyTrivyOutputIsRefused() {
    int depth = TrivyReports.MAX_NESTING_DEPTH + 1;
    String json = "[".repeat(depth) + "]".repeat(depth);

    assertThat(reports.parse(bytes(json)))
        .asInstanceOf(type(ParseOutcome.LimitExceeded.class))
        .extracting(ParseOutcome.LimitExceeded::reason)
        .asString()
        .startsWith("the report exceeds a safety limit: ")
        .doesNotContain("StreamReadConstraints")
        .doesNotContain("[Source");
  }

  @Test
  void aTenMegabyteStringIsRefused() {
    String json =
        "{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"" + "a".repeat(10_000_000) + "\"}]}";

    assertThat(reports.parse(bytes(json))).isInstanceOf(ParseOutcome.LimitExceeded.class);
  }

  @Test
  void duplicateKeysAreMalformed() {
    assertThat(reports.parse(bytes("[{\"Target\": \"a\", \"Target\": \"b\"}]")))
        .isInstanceOf(ParseOutcome.Malformed.class);
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] json = {
      '[',
      '{',
      '"',
      'T',
      'a',
      'r',
      'g',
      'e',
      't',
      '"',
      ':',
      '"',
      (byte) 0xC3,
      (byte) 0x28,
      '"',
      '}',
      ']'
    };

    assertThat(reports.parse(json)).isInstanceOf(ParseOutcome.Malformed.class);
  }

  private ParseOutcome.Parsed parsed(String json) {
    return parsed(bytes(json));
  }

  private ParseOutcome.Parsed parsed(byte[] json) {
    ParseOutcome outcome = reports.parse(json);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return (ParseOutcome.Parsed) outcome;
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
