package io.scanwatch.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.SeverityCounts;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Trivy report of the shared corpus (copied, with its NOTICE, into {@code trivy/corpus}) and
 * the numbers PROVENANCE.md and CASES.md give for it: per-severity counts of every entry, the
 * unique count, the image, the OS and its end-of-life flag.
 */
class TrivyCorpusTest {

  private static final String GHCR = "ghcr.io/aquasecurity/trivy-test-images:";
  private static final String ACME_API = "registry.example.test/acme/api:1.4.2";

  private final TrivyReports reports = new TrivyReports();

  /**
   * @param counts critical, high, medium, low, unknown over every entry
   * @param image the image's display name, or {@code null} when the report names none
   */
  record Expected(
      String file,
      String format,
      SeverityCounts counts,
      int unique,
      String image,
      OperatingSystem os) {

    /** The same file, naming an image and an operating system. */
    Expected on(String image, OperatingSystem os) {
      return new Expected(file, format, counts, unique, image, os);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> corpus() {
    return Stream.of(
        // Trivy's own integration goldens, schema 2.
        v2("trivy-golden-debian10-buster-image.json", of(1, 0, 0, 1, 0), 2)
            .on(GHCR + "debian-buster", os("debian", "10.1")),
        v2("trivy-golden-alpine310-image.json", of(0, 0, 4, 0, 0), 4)
            .on(GHCR + "alpine-310", new OperatingSystem("alpine", "3.10.2", true)),
        v2("trivy-golden-ubuntu1804-image.json", of(0, 0, 4, 1, 0), 5)
            .on(GHCR + "ubuntu-1804", os("ubuntu", "18.04")),
        v2("trivy-golden-centos7-image.json", of(0, 0, 1, 2, 0), 3)
            .on(GHCR + "centos-7", os("centos", "7.6.1810")),
        v2("trivy-golden-distroless-python27-image.json", of(0, 0, 2, 2, 0), 4)
            .on(GHCR + "distroless-python27", os("debian", "9.9")),
        v2("trivy-golden-amazonlinux2-image.json", of(0, 0, 1, 1, 0), 2)
            .on(GHCR + "amazon-2", os("amazon", "2 (Karoo)")),
        v2("trivy-golden-pip-fs.json", of(0, 1, 1, 0, 0), 2),
        v2("trivy-golden-gomod-fs.json", of(0, 0, 1, 0, 4), 3),
        v2("trivy-golden-java-spring4shell-jre11-image.json", of(1, 0, 0, 0, 0), 1)
            .on(GHCR + "spring4shell-jre11", os("debian", "11.3")),
        v2("trivy-golden-repo-scan.json", of(0, 1, 1, 0, 0), 2),
        v2("trivy-golden-dockerfile-misconfig.json", of(0, 0, 0, 0, 0), 0),
        v2("trivy-golden-secrets.json", of(0, 0, 0, 0, 0), 0),
        v2("trivy-golden-fluentd-multiple-targets-image.json", of(1, 1, 0, 1, 0), 3)
            .on(null, os("debian", "10.2")),
        v2("trivy-golden-k8s-kbom-scan-minikube.json", of(0, 0, 0, 1, 0), 1)
            .on(null, os("ubuntu", "22.04.2")),
        v2("trivy-golden-alpine39-no-results.json", of(0, 0, 0, 0, 0), 0)
            .on(GHCR + "alpine-39", null),
        v2("trivy-schema2-2021-debian10-buster-image.json", of(0, 13, 13, 67, 0), 93)
            .on(null, os("debian", "10.1")),
        new Expected(
            "trivy-golden-npm-cyclonedx-with-vulns.cdx.json",
            "cyclonedx-json",
            of(0, 0, 1, 0, 0),
            1,
            null,
            null),
        new Expected(
            "trivy-golden-alpine310.sarif.json",
            "sarif-2.1.0",
            of(0, 0, 4, 0, 0),
            4,
            GHCR + "alpine-310",
            null),
        new Expected(
            "secobserve-trivy-config.sarif.json", "sarif-2.1.0", of(0, 0, 0, 0, 0), 0, null, null),
        legacy("trivy-legacy-array-v0.19-centos7-image.json", of(0, 26, 279, 406, 0), 711)
            .on(null, os("centos", "7.6.1810")),
        legacy("dd-legacy-top-level-null.json", of(0, 0, 0, 0, 0), 0),
        legacy("dd-legacy-array-mixed-targets-missing-severity.json", of(0, 6, 0, 0, 1), 7)
            .on("docker.io/library/trivy-ci-test", os("alpine", "3.7.1")),
        legacy("real-legacy-array-alpine-vulnerabilities-null.json", of(0, 0, 0, 0, 0), 0)
            .on("docker.io/benno001/problematic-project:better", os("alpine", "3.11.3")),
        // DefectDojo's Trivy parser test files, schema 2.
        v2("dd-schema2-alpine-no-vulns.json", of(0, 0, 0, 0, 0), 0)
            .on("docker.io/library/trivy-unittest:latest", os("alpine", "3.14.0")),
        v2("dd-schema2-cvss-multi-source.json", of(0, 1, 1, 0, 0), 2),
        v2("dd-schema2-license-scan.json", of(0, 0, 0, 0, 0), 0)
            .on("docker.io/library/alpine:3.11", os("alpine", "3.11.13")),
        v2("dd-schema2-fs-misconfig-secrets-vulns.json", of(0, 1, 1, 0, 0), 2),
        v2("dd-schema2-debian-all-statuses.json", of(0, 0, 0, 8, 0), 8)
            .on(null, os("debian", "10.13")),
        new Expected(
            "dd-k8s-cluster-report-legacy-shape.json",
            "trivy-k8s",
            of(0, 0, 2, 8, 0),
            5,
            null,
            null),
        new Expected(
            "trivy-operator-vulnerabilityreport-crd.json",
            "trivy-operator-crd",
            of(2, 3, 25, 11, 0),
            41,
            "docker.io/library/nginx:alpine",
            null),
        // Bug cases of CASES.md.
        v2("B01-cvss-without-nvd.json", of(0, 1, 1, 0, 0), 2).on(ACME_API, os("debian", "11.8")),
        v2("B02-vuln-without-cvss-temp-id.json", of(0, 0, 1, 1, 0), 2)
            .on(ACME_API, os("debian", "11.8")),
        v2("B04-severity-low-nvd-score-high.json", of(0, 0, 0, 1, 0), 1)
            .on(ACME_API, os("debian", "11.8")),
        v2("B06-lang-pkgs-without-pkgpath.json", of(0, 0, 1, 0, 0), 1),
        v2("B07-schema2-object-not-legacy-array.json", of(0, 1, 0, 0, 0), 1)
            .on(ACME_API, os("debian", "11.8")),
        legacy("B08-unknown-extra-fields.json", of(0, 1, 0, 0, 0), 1)
            .on("registry.example.test/acme/tool:0.9", os("alpine", "3.11.5")),
        legacy("B09-legacy-null-vulnerabilities.json", of(0, 0, 0, 1, 0), 1)
            .on("registry.example.test/acme/base:3.10", os("alpine", "3.10.9")),
        new Expected(
            "B09b-pre-0.2-target-keyed-map-null.json",
            "trivy-json-pre-0.2",
            of(0, 0, 0, 0, 0),
            0,
            "registry.example.test/acme/legacy:1",
            null),
        v2("B11-unknown-severity.json", of(0, 0, 0, 1, 2), 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyCorpusReportHasTheCountsImageAndOsItsProvenanceGives(Expected expected)
      throws IOException {
    var parsed = parsed(expected.file());

    assertThat(parsed.format()).isEqualTo(expected.format());
    assertThat(entriesBySeverity(parsed.findings())).isEqualTo(expected.counts());
    assertThat(parsed.summary().findingEntries()).isEqualTo(expected.counts().total());
    assertThat(SeverityCounts.uniqueOf(parsed.findings()).total()).isEqualTo(expected.unique());
    assertThat(parsed.image() == null ? null : parsed.image().displayName())
        .isEqualTo(expected.image());
    assertThat(parsed.os()).isEqualTo(expected.os());
  }

  ParseOutcome.Parsed parsed(String file) throws IOException {
    ParseOutcome outcome = reports.parse(corpusFile(file));
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return (ParseOutcome.Parsed) outcome;
  }

  static byte[] corpusFile(String file) throws IOException {
    try (InputStream in = TrivyCorpusTest.class.getResourceAsStream("/trivy/corpus/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    }
  }

  /** Counts every entry, duplicates included, unlike {@link SeverityCounts#uniqueOf}. */
  private static SeverityCounts entriesBySeverity(List<Finding> findings) {
    int[] counts = new int[5];
    findings.forEach(finding -> counts[finding.severity().ordinal()]++);
    return of(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }

  private static SeverityCounts of(int critical, int high, int medium, int low, int unknown) {
    return new SeverityCounts(critical, high, medium, low, unknown);
  }

  private static OperatingSystem os(String family, String name) {
    return new OperatingSystem(family, name, false);
  }

  private static Expected v2(String file, SeverityCounts counts, int unique) {
    return new Expected(file, TrivyReportParser.FORMAT, counts, unique, null, null);
  }

  private static Expected legacy(String file, SeverityCounts counts, int unique) {
    return new Expected(file, TrivyLegacyReportParser.FORMAT, counts, unique, null, null);
  }
}
