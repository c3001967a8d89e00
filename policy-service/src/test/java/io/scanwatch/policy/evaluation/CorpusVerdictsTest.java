package io.scanwatch.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Priority;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import io.scanwatch.policy.kev.KnownExploitedVulnerabilities;
import io.scanwatch.policy.rules.Evaluation;
import io.scanwatch.policy.rules.PolicyEngine;
import io.scanwatch.policy.rules.PolicyProperties;
import io.scanwatch.policy.rules.RuleResult;
import io.scanwatch.policy.rules.ScanFacts;
import io.scanwatch.policy.rules.Suppressor;
import io.scanwatch.policy.score.Score;
import io.scanwatch.trivy.ParseOutcome;
import io.scanwatch.trivy.TrivyReports;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Trivy report of the shared corpus (from the trivy-reports test jar) under the shipped
 * default policy, the bundled known-exploited catalogue and the shipped score: pass or fail, the
 * counted findings, the score and grade, the priority, and the rules broken. Counts are unique
 * findings, as PROVENANCE.md gives them.
 */
class CorpusVerdictsTest {

  private static final Instant SCANNED = Instant.parse("2026-12-03T00:00:00Z");
  private static final ImageReference UNNAMED =
      new ImageReference("registry.example.test", "acme/unnamed", "1.0", null);

  private final KnownExploitedVulnerabilities kev = KnownExploitedVulnerabilities.bundled();
  private final PolicyEngine engine =
      new PolicyEngine(id -> kev.current().find(id).isPresent(), OperatingSystem::endOfLife);

  /**
   * @param counted critical, high, medium, low, unknown counted
   * @param rules the rules broken, in rule order
   */
  record Expected(
      String file,
      SeverityCounts counted,
      int score,
      String grade,
      Priority priority,
      List<String> rules) {

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> corpus() {
    return Stream.of(
        passes("B01-cvss-without-nvd.json", of(0, 1, 1, 0, 0), 95, "A"),
        passes("B02-vuln-without-cvss-temp-id.json", of(0, 0, 1, 1, 0), 99, "A+"),
        passes("B04-severity-low-nvd-score-high.json", of(0, 0, 0, 1, 0), 100, "A+"),
        passes("B06-lang-pkgs-without-pkgpath.json", of(0, 0, 1, 0, 0), 99, "A+"),
        passes("B07-schema2-object-not-legacy-array.json", of(0, 1, 0, 0, 0), 96, "A"),
        passes("B08-unknown-extra-fields.json", of(0, 1, 0, 0, 0), 96, "A"),
        passes("B09-legacy-null-vulnerabilities.json", of(0, 0, 0, 1, 0), 100, "A+"),
        clean("B09b-pre-0.2-target-keyed-map-null.json"),
        passes("B11-unknown-severity.json", of(0, 0, 0, 1, 2), 99, "A+"),
        passes("dd-k8s-cluster-report-legacy-shape.json", of(0, 0, 1, 4, 0), 98, "A+"),
        fails(
            "dd-legacy-array-mixed-targets-missing-severity.json",
            of(0, 6, 0, 0, 1),
            88,
            "B+",
            Priority.P1,
            "max-high"),
        clean("dd-legacy-top-level-null.json"),
        clean("dd-schema2-alpine-no-vulns.json"),
        passes("dd-schema2-cvss-multi-source.json", of(0, 1, 1, 0, 0), 95, "A"),
        passes("dd-schema2-debian-all-statuses.json", of(0, 0, 0, 8, 0), 99, "A+"),
        passes("dd-schema2-fs-misconfig-secrets-vulns.json", of(0, 1, 1, 0, 0), 95, "A"),
        clean("dd-schema2-license-scan.json"),
        clean("real-legacy-array-alpine-vulnerabilities-null.json"),
        clean("secobserve-trivy-config.sarif.json"),
        passes("trivy-golden-alpine310-image.json", of(0, 0, 4, 0, 0), 98, "A+"),
        passes("trivy-golden-alpine310.sarif.json", of(0, 0, 4, 0, 0), 98, "A+"),
        clean("trivy-golden-alpine39-no-results.json"),
        passes("trivy-golden-amazonlinux2-image.json", of(0, 0, 1, 1, 0), 99, "A+"),
        passes("trivy-golden-centos7-image.json", of(0, 0, 1, 2, 0), 99, "A+"),
        fails(
            "trivy-golden-debian10-buster-image.json",
            of(1, 0, 0, 1, 0),
            94,
            "A",
            Priority.P0,
            "max-critical"),
        passes("trivy-golden-distroless-python27-image.json", of(0, 0, 2, 2, 0), 98, "A+"),
        clean("trivy-golden-dockerfile-misconfig.json"),
        fails(
            "trivy-golden-fluentd-multiple-targets-image.json",
            of(1, 1, 0, 1, 0),
            90,
            "A",
            Priority.P0,
            "max-critical"),
        passes("trivy-golden-gomod-fs.json", of(0, 0, 1, 0, 2), 98, "A+"),
        // Spring4Shell is CRITICAL and in CISA's known-exploited catalogue.
        fails(
            "trivy-golden-java-spring4shell-jre11-image.json",
            of(1, 0, 0, 0, 0),
            94,
            "A",
            Priority.P0,
            "max-critical",
            "known-exploited"),
        passes("trivy-golden-k8s-kbom-scan-minikube.json", of(0, 0, 0, 1, 0), 100, "A+"),
        passes("trivy-golden-npm-cyclonedx-with-vulns.cdx.json", of(0, 0, 1, 0, 0), 99, "A+"),
        passes("trivy-golden-pip-fs.json", of(0, 1, 1, 0, 0), 95, "A"),
        passes("trivy-golden-repo-scan.json", of(0, 1, 1, 0, 0), 95, "A"),
        clean("trivy-golden-secrets.json"),
        passes("trivy-golden-ubuntu1804-image.json", of(0, 0, 4, 1, 0), 97, "A+"),
        // 100 − 4·log2(27) − 1·log2(280) − 0.25·log2(407) = 70.7.
        fails(
            "trivy-legacy-array-v0.19-centos7-image.json",
            of(0, 26, 279, 406, 0),
            71,
            "C",
            Priority.P1,
            "max-high"),
        fails(
            "trivy-operator-vulnerabilityreport-crd.json",
            of(2, 3, 25, 11, 0),
            77,
            "B",
            Priority.P0,
            "max-critical",
            "max-high"),
        fails(
            "trivy-schema2-2021-debian10-buster-image.json",
            of(0, 13, 13, 67, 0),
            79,
            "B",
            Priority.P1,
            "max-high"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void theDefaultPolicyDecidesEveryCorpusReportAsWrittenHere(Expected expected) throws IOException {
    ParseOutcome.Parsed report = parse(expected.file());
    ImageReference image = report.image() != null ? report.image() : UNNAMED;

    Evaluation evaluation =
        engine.evaluate(
            new PolicyProperties(Map.of(Severity.CRITICAL, 0, Severity.HIGH, 1)).defaultPolicy(),
            new ScanFacts(
                image, Map.of(), report.os(), report.findings(), null, null, null, SCANNED),
            Suppressor.NONE);
    Score score = Evaluations.SHIPPED_SCORE.score(evaluation.countedCounts());

    assertThat(evaluation.passed()).isEqualTo(expected.rules().isEmpty());
    assertThat(evaluation.countedCounts()).isEqualTo(expected.counted());
    assertThat(score.value()).isEqualTo(expected.score());
    assertThat(score.grade()).isEqualTo(expected.grade());
    assertThat(ScanEvaluation.priorityOf(evaluation)).isEqualTo(expected.priority());
    assertThat(evaluation.violations()).extracting(RuleResult::rule).isEqualTo(expected.rules());
    assertThat(evaluation.knownExploited())
        .extracting(Finding::vulnerabilityId)
        .allMatch(id -> id.equals("CVE-2022-22965"));
  }

  private static ParseOutcome.Parsed parse(String file) throws IOException {
    try (InputStream in = CorpusVerdictsTest.class.getResourceAsStream("/trivy/corpus/" + file)) {
      assertThat(in).as("corpus file %s", file).isNotNull();
      ParseOutcome outcome = new TrivyReports().parse(in.readAllBytes());
      assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
      return (ParseOutcome.Parsed) outcome;
    }
  }

  private static Expected passes(String file, SeverityCounts counted, int score, String grade) {
    return new Expected(file, counted, score, grade, Priority.P3, List.of());
  }

  private static Expected clean(String file) {
    return new Expected(file, SeverityCounts.NONE, 100, "A+", null, List.of());
  }

  private static Expected fails(
      String file,
      SeverityCounts counted,
      int score,
      String grade,
      Priority priority,
      String... rules) {
    return new Expected(file, counted, score, grade, priority, List.of(rules));
  }

  private static SeverityCounts of(int critical, int high, int medium, int low, int unknown) {
    return new SeverityCounts(critical, high, medium, low, unknown);
  }
}
