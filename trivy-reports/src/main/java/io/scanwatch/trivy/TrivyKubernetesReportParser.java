package io.scanwatch.trivy;

import static io.scanwatch.trivy.TrivyResults.text;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code trivy k8s} cluster reports in both shapes: {@code {ClusterName, Resources[]}} and
 * the older {@code {ClusterName, Vulnerabilities[], Misconfigurations[]}}, each resource with
 * {@code Namespace} (absent for cluster-scoped ones), {@code Kind}, {@code Name} and Trivy {@code
 * Results}. The report names no single image, so the caller's {@code image} parameter does.
 */
final class TrivyKubernetesReportParser {

  static final String FORMAT = "trivy-k8s";

  private static final List<String> RESOURCE_LISTS =
      List.of("Resources", "Vulnerabilities", "Misconfigurations");

  ParseOutcome parse(JsonNode root) {
    var collected = new TrivyResults();
    int resources = 0;
    for (String field : RESOURCE_LISTS) {
      Optional<JsonNode> list = TrivyResults.list(root, field);
      if (list.isEmpty()) {
        return new ParseOutcome.Unrecognised("k8s report: " + field + " must be an array");
      }
      for (JsonNode resource : list.get()) {
        resources++;
        Optional<JsonNode> results = TrivyResults.list(resource, "Results");
        if (results.isEmpty()) {
          return new ParseOutcome.Unrecognised("k8s report: Results must be an array");
        }
        String scope = scope(resource);
        for (JsonNode result : results.get()) {
          Optional<String> problem = collected.add(result, scope);
          if (problem.isPresent()) {
            return new ParseOutcome.Unrecognised("k8s report: " + problem.get());
          }
        }
      }
    }
    return new ParseOutcome.Parsed(
        null,
        null,
        collected.findings(),
        FORMAT,
        collected.summary(null, "kubernetes", null),
        collected.targets(),
        Stream.concat(
                Stream.of(
                    "cluster "
                        + text(root, "ClusterName")
                        + ": "
                        + resources
                        + " resource entries read as one report; workloads' own images are not"
                        + " told apart"),
                collected.notes().stream())
            .toList());
  }

  /** {@code namespace/Kind/name}, or {@code Kind/name} for cluster-scoped resources. */
  private static String scope(JsonNode resource) {
    String namespace = text(resource, "Namespace");
    String kindAndName = text(resource, "Kind") + "/" + text(resource, "Name");
    return namespace == null ? kindAndName : namespace + "/" + kindAndName;
  }
}
