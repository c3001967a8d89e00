package io.scanwatch.trivy;

import static io.scanwatch.trivy.TrivyResults.instant;
import static io.scanwatch.trivy.TrivyResults.text;

import io.scanwatch.contracts.CvssScore;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads Trivy Operator {@code VulnerabilityReport} custom resources: one object, a Kubernetes
 * {@code List} of them, or a JSON array of resources of mixed kinds. Other kinds are skipped and
 * named in the outcome's notes; the image is the first report's {@code registry} and {@code
 * artifact}.
 */
final class TrivyOperatorReportParser {

  static final String FORMAT = "trivy-operator-crd";

  private static final String KIND = "VulnerabilityReport";

  ParseOutcome parse(JsonNode root) {
    List<JsonNode> items = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    collect(root, items, skipped);
    if (items.isEmpty()) {
      return new ParseOutcome.Unrecognised(
          "no VulnerabilityReport among the Kubernetes resources; kinds seen: " + skipped.keySet());
    }
    var collected = new TrivyResults();
    var images = new LinkedHashSet<ImageReference>();
    OperatingSystem os = null;
    String scannerVersion = null;
    Instant updated = null;
    for (JsonNode item : items) {
      JsonNode report = item.path("report");
      String scope = scope(item.path("metadata"));
      Optional<JsonNode> vulnerabilities = TrivyResults.list(report, "vulnerabilities");
      if (vulnerabilities.isEmpty()) {
        return new ParseOutcome.Unrecognised(
            "VulnerabilityReport " + scope + ": report.vulnerabilities must be an array");
      }
      for (JsonNode vulnerability : vulnerabilities.get()) {
        Optional<Finding> finding = finding(vulnerability, scope);
        if (finding.isEmpty()) {
          return new ParseOutcome.Unrecognised(
              "VulnerabilityReport "
                  + scope
                  + " has a vulnerability without vulnerabilityID or resource");
        }
        collected.addFinding(finding.get());
      }
      image(report).ifPresent(images::add);
      if (os == null) {
        os = os(report.path("os"));
      }
      scannerVersion =
          scannerVersion != null ? scannerVersion : text(report.path("scanner"), "version");
      updated = updated != null ? updated : instant(text(report, "updateTimestamp"));
    }
    List<String> notes = new ArrayList<>();
    skipped.forEach(
        (kind, count) -> notes.add("ignored " + count + " resource(s) of kind " + kind));
    if (images.size() > 1) {
      notes.add(
          images.size()
              + " images in the reports; all findings are filed under the first or the image"
              + " parameter");
    }
    return new ParseOutcome.Parsed(
        images.stream().findFirst().orElse(null),
        os,
        collected.findings(),
        FORMAT,
        collected.summary(scannerVersion, "container_image", updated),
        items.stream().map(item -> scope(item.path("metadata"))).toList(),
        notes);
  }

  private static void collect(JsonNode node, List<JsonNode> items, Map<String, Integer> skipped) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, items, skipped));
      return;
    }
    String kind = text(node, "kind");
    if (KIND.equals(kind)) {
      items.add(node);
    } else if (node.path("items").isArray()) {
      node.path("items").forEach(element -> collect(element, items, skipped));
    } else {
      skipped.merge(kind == null ? "<none>" : kind, 1, Integer::sum);
    }
  }

  private static Optional<Finding> finding(JsonNode vulnerability, String scope) {
    String id = text(vulnerability, "vulnerabilityID");
    String resource = text(vulnerability, "resource");
    if (id == null || resource == null) {
      return Optional.empty();
    }
    JsonNode score = vulnerability.path("score");
    String target = Optional.ofNullable(text(vulnerability, "target")).orElse(scope);
    String path = text(vulnerability, "pkgPath");
    var details =
        new Finding.Details(
            text(vulnerability, "pkgPURL"),
            text(vulnerability, "status"),
            score.isNumber() ? new CvssScore(null, score.asDouble(), null) : null,
            instant(text(vulnerability, "publishedDate")),
            text(vulnerability, "primaryLink"),
            target,
            null,
            null,
            path != null ? path : target);
    return Optional.of(
        new Finding(
            id,
            resource,
            text(vulnerability, "installedVersion"),
            text(vulnerability, "fixedVersion"),
            Severity.fromLabel(text(vulnerability, "severity")),
            text(vulnerability, "title"),
            details));
  }

  private static Optional<ImageReference> image(JsonNode report) {
    String repository = text(report.path("artifact"), "repository");
    if (repository == null) {
      return Optional.empty();
    }
    String server = text(report.path("registry"), "server");
    // Trivy Operator names Docker Hub by its API host; image references call it docker.io.
    String registry = server == null || server.equals("index.docker.io") ? "docker.io" : server;
    String tag = text(report.path("artifact"), "tag");
    String digest = text(report.path("artifact"), "digest");
    String reference =
        registry
            + "/"
            + repository
            + (tag == null ? "" : ":" + tag)
            + (digest == null ? "" : "@" + digest);
    return ImageReferences.parse(reference);
  }

  private static OperatingSystem os(JsonNode os) {
    String family = text(os, "family");
    return family == null
        ? null
        : new OperatingSystem(family, text(os, "name"), os.path("eosl").asBoolean(false));
  }

  private static String scope(JsonNode metadata) {
    String namespace = text(metadata, "namespace");
    String name = Objects.requireNonNullElse(text(metadata, "name"), "<unnamed>");
    return namespace == null ? name : namespace + "/" + name;
  }
}
