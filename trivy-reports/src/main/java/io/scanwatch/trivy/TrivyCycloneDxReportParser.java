package io.scanwatch.trivy;

import static io.scanwatch.trivy.TrivyResults.instant;
import static io.scanwatch.trivy.TrivyResults.text;

import io.scanwatch.contracts.CvssScore;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a CycloneDX JSON BOM with {@code vulnerabilities[]}, as {@code trivy --format cyclonedx
 * --scanners vuln} writes it: one finding per affected component, severity from the rating of the
 * vulnerability's own source, the fixed version from Trivy's "Upgrade … to version …"
 * recommendation.
 */
final class TrivyCycloneDxReportParser {

  static final String FORMAT = "cyclonedx-json";

  private static final Pattern UPGRADE = Pattern.compile("^Upgrade .+ to version (\\S+)$");
  private static final String TRIVY_PROPERTY = "aquasecurity:trivy:";

  ParseOutcome parse(JsonNode root) {
    Map<String, JsonNode> components = new HashMap<>();
    JsonNode metadata = root.path("metadata");
    JsonNode subject = metadata.path("component");
    String subjectName = text(subject, "name");
    Optional.ofNullable(text(subject, "bom-ref")).ifPresent(ref -> components.put(ref, subject));
    Optional<JsonNode> listed = TrivyResults.list(root, "components");
    Optional<JsonNode> vulnerabilities = TrivyResults.list(root, "vulnerabilities");
    if (listed.isEmpty() || vulnerabilities.isEmpty()) {
      return new ParseOutcome.Unrecognised(
          "CycloneDX: components and vulnerabilities must be arrays");
    }
    OperatingSystem os = null;
    for (JsonNode component : listed.get()) {
      Optional.ofNullable(text(component, "bom-ref"))
          .ifPresent(ref -> components.put(ref, component));
      if (os == null && "operating-system".equals(text(component, "type"))) {
        os = new OperatingSystem(text(component, "name"), text(component, "version"), false);
      }
    }
    var collected = new TrivyResults();
    List<String> notes = new ArrayList<>();
    for (JsonNode vulnerability : vulnerabilities.get()) {
      String id = text(vulnerability, "id");
      if (id == null) {
        return new ParseOutcome.Unrecognised("CycloneDX: a vulnerability has no id");
      }
      for (JsonNode affected : vulnerability.path("affects")) {
        String ref = text(affected, "ref");
        JsonNode component = components.get(ref);
        if (component == null || text(component, "name") == null) {
          notes.add(id + " affects " + ref + ", which is not a component of the BOM; skipped");
          continue;
        }
        collected.addFinding(finding(id, vulnerability, component));
      }
    }
    return new ParseOutcome.Parsed(
        image(subject),
        os,
        collected.findings(),
        FORMAT,
        collected.summary(
            scannerVersion(metadata.path("tools")),
            "cyclonedx",
            instant(text(metadata, "timestamp"))),
        subjectName == null ? List.of() : List.of(subjectName),
        notes);
  }

  private static Finding finding(String id, JsonNode vulnerability, JsonNode component) {
    String source = text(vulnerability.path("source"), "name");
    JsonNode rating = rating(vulnerability.path("ratings"), source);
    Matcher upgrade = UPGRADE.matcher(String.valueOf(text(vulnerability, "recommendation")));
    String name = text(component, "name");
    String group = text(component, "group");
    var details =
        new Finding.Details(
            text(component, "purl"),
            null,
            cvss(vulnerability.path("ratings"), source),
            instant(text(vulnerability, "published")),
            text(vulnerability.path("advisories").path(0), "url"),
            text(component, "bom-ref"),
            null,
            null,
            text(component, "bom-ref"));
    return new Finding(
        id,
        group == null ? name : group + "/" + name,
        text(component, "version"),
        upgrade.matches() ? upgrade.group(1) : null,
        Severity.fromLabel(text(rating, "severity")),
        text(vulnerability, "description"),
        details);
  }

  /** The rating by the vulnerability's own source, else the first with a severity. */
  private static JsonNode rating(JsonNode ratings, String source) {
    JsonNode first = null;
    for (JsonNode rating : ratings) {
      if (text(rating, "severity") == null) {
        continue;
      }
      if (source != null && source.equals(text(rating.path("source"), "name"))) {
        return rating;
      }
      first = first == null ? rating : first;
    }
    return first == null ? ratings.path(0) : first;
  }

  /** The CVSS v3 rating of the vulnerability's source, else of nvd, ghsa, redhat, any. */
  private static CvssScore cvss(JsonNode ratings, String source) {
    List<String> order = new ArrayList<>();
    if (source != null) {
      order.add(source);
    }
    order.addAll(List.of("nvd", "ghsa", "redhat"));
    for (JsonNode rating : ratings) {
      order.add(String.valueOf(text(rating.path("source"), "name")));
    }
    for (String candidate : order) {
      for (JsonNode rating : ratings) {
        String method = String.valueOf(text(rating, "method"));
        if (candidate.equals(text(rating.path("source"), "name")) && method.startsWith("CVSSv3")) {
          JsonNode score = rating.path("score");
          return new CvssScore(
              candidate, score.isNumber() ? score.asDouble() : null, text(rating, "vector"));
        }
      }
    }
    return null;
  }

  /** From Trivy's {@code RepoTag}/{@code RepoDigest} properties, else a container's name. */
  private static ImageReference image(JsonNode component) {
    ArrayNode tags = JsonNodeFactory.instance.arrayNode();
    ArrayNode digests = JsonNodeFactory.instance.arrayNode();
    for (JsonNode property : component.path("properties")) {
      String name = String.valueOf(text(property, "name"));
      if (name.equals(TRIVY_PROPERTY + "RepoTag")) {
        tags.add(property.path("value"));
      } else if (name.equals(TRIVY_PROPERTY + "RepoDigest")) {
        digests.add(property.path("value"));
      }
    }
    return TrivyReportParser.image(
        tags,
        digests,
        "container".equals(text(component, "type")) ? text(component, "name") : null);
  }

  /**
   * Trivy's version among the tools: CycloneDX 1.5+ {@code tools.components[]}, or {@code tools[]}.
   */
  private static String scannerVersion(JsonNode tools) {
    JsonNode list = tools.isArray() ? tools : tools.path("components");
    for (JsonNode tool : list) {
      if ("trivy".equals(text(tool, "name"))) {
        return text(tool, "version");
      }
    }
    return null;
  }
}
