package io.scanwatch.ingest.trivy.web;

/** Request and response examples for the OpenAPI description of the Trivy report endpoint. */
final class TrivyReportExamples {

  static final String SCHEMA_2 =
      """
      {
        "SchemaVersion": 2,
        "ArtifactName": "ghcr.io/acme/api:1.4.2",
        "ArtifactType": "container_image",
        "Metadata": {
          "OS": {"Family": "debian", "Name": "11.3"},
          "RepoTags": ["ghcr.io/acme/api:1.4.2"]
        },
        "Results": [
          {
            "Target": "Java",
            "Class": "lang-pkgs",
            "Type": "jar",
            "Vulnerabilities": [
              {
                "VulnerabilityID": "CVE-2022-22965",
                "PkgName": "org.springframework:spring-beans",
                "InstalledVersion": "5.3.15",
                "FixedVersion": "5.3.18",
                "Status": "fixed",
                "Severity": "CRITICAL",
                "SeveritySource": "ghsa",
                "CVSS": {"ghsa": {"V3Score": 9.8}}
              }
            ]
          }
        ]
      }
      """;

  static final String LEGACY_ARRAY =
      """
      [
        {
          "Target": "registry.example.com/team/app:0.9 (alpine 3.11.5)",
          "Type": "alpine",
          "Vulnerabilities": [
            {"VulnerabilityID": "CVE-2020-1967", "PkgName": "libssl1.1",
             "InstalledVersion": "1.1.1d-r3", "FixedVersion": "1.1.1g-r0", "Severity": "HIGH"}
          ]
        }
      ]
      """;

  static final String RECEIPT =
      """
      {
        "reportId": "01a23ccb-0f3f-7842-ae79-5cedd7f0636c",
        "status": "accepted",
        "image": "ghcr.io/acme/api:1.4.2",
        "format": "trivy-json-v2",
        "receivedAt": "2026-12-03T16:44:30.399Z",
        "findings": 1,
        "uniqueCounts": {"critical": 1, "high": 0, "medium": 0, "low": 0, "unknown": 0},
        "notes": []
      }
      """;

  private TrivyReportExamples() {}
}
