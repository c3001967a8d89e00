package io.scanwatch.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The bodies the harness posts: real Trivy reports and a real Harbor push. */
final class Payloads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Payloads() {}

  /**
   * A realistic report of 94 findings (CRITICAL 1, HIGH 13, MEDIUM 13, LOW 67): the 93-finding
   * Debian 10 report from the {@code trivy-reports} corpus with the Spring4Shell result of {@code
   * examples/trivy/spring4shell-jre11-image.json} added, so it fails the default policy at P0.
   */
  static byte[] realisticReport() {
    ObjectNode report = (ObjectNode) read("trivy/trivy-schema2-2021-debian10-buster-image.json");
    ArrayNode results = (ArrayNode) report.get("Results");
    for (JsonNode result : read("trivy/spring4shell-jre11-image.json").path("Results")) {
      results.add(result);
    }
    return JSON.writeValueAsBytes(report);
  }

  /**
   * A small schema 2 report with one finding: CRITICAL (a P0 alert) when {@code critical}, else LOW
   * (the image passes, no alert).
   */
  static byte[] smallReport(int index, boolean critical) {
    String finding =
        critical
            ? """
              {"VulnerabilityID": "CVE-2022-22965", "PkgName": "org.springframework:spring-beans",
               "InstalledVersion": "5.3.15", "FixedVersion": "5.3.18, 5.2.20",
               "Severity": "CRITICAL", "Title": "spring-framework: RCE via Data Binding on JDK 9+"}"""
            : """
              {"VulnerabilityID": "CVE-2011-3374", "PkgName": "apt", "InstalledVersion": "1.8.2.3",
               "Severity": "LOW", "Title": "It was found that apt-key in apt, all versions, do ..."}""";
    String target = critical ? "app/app.jar" : "bench (debian 10.10)";
    String type = critical ? "jar" : "debian";
    String resultClass = critical ? "lang-pkgs" : "os-pkgs";
    return """
        {"SchemaVersion": 2, "ArtifactName": "bench-%d", "ArtifactType": "container_image",
         "Results": [{"Target": "%s", "Class": "%s", "Type": "%s", "Vulnerabilities": [%s]}]}
        """
        .formatted(index, target, resultClass, type, finding)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code examples/webhooks/harbor-push-artifact.json}'s shape: a Harbor {@code PUSH_ARTIFACT} of
   * {@code namespace/name}, tag {@code 1.0}, with a digest of its own.
   */
  static byte[] harborPush(String namespace, String name) {
    String digest =
        "sha256:"
            + HexFormat.of().formatHex(sha256(("harbor-" + name).getBytes(StandardCharsets.UTF_8)));
    return """
        {"type": "PUSH_ARTIFACT", "occur_at": %d, "operator": "bench",
         "event_data": {
           "resources": [{"digest": "%s", "tag": "1.0",
                          "resource_url": "localhost/%s/%s:1.0"}],
           "repository": {"date_created": %d, "name": "%s", "namespace": "%s",
                          "repo_full_name": "%s/%s", "repo_type": "private"}}}
        """
        .formatted(
            System.currentTimeMillis() / 1000,
            digest,
            namespace,
            name,
            System.currentTimeMillis() / 1000,
            name,
            namespace,
            namespace,
            name)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String resource) {
    try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
