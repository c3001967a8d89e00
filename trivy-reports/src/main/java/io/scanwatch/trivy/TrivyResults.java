package io.scanwatch.trivy;

import io.scanwatch.contracts.CvssScore;
import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ScanSummary;
import io.scanwatch.contracts.Severity;
import io.scanwatch.contracts.SeverityCounts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SequencedSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Collects what Trivy's {@code Results[]} entries say, in every format that embeds them (schema 2,
 * the legacy array, {@code trivy k8s}): vulnerability findings with their details, failed
 * misconfigurations and secrets per severity, and the targets scanned.
 */
final class TrivyResults {

  private static final List<String> CVSS_FALLBACK = List.of("nvd", "ghsa", "redhat");

  private final List<Finding> findings = new ArrayList<>();
  private final SequencedSet<String> targets = new LinkedHashSet<>();
  private final int[] misconfigurations = new int[Severity.values().length];
  private final int[] secrets = new int[Severity.values().length];
  private int incomplete;

  /**
   * Adds one result object.
   *
   * @param scope where the result was found when the report covers several resources (a k8s
   *     workload), else {@code null}
   * @return why the result cannot be read, or empty when it was added
   */
  Optional<String> add(JsonNode result, String scope) {
    if (!result.isObject()) {
      return Optional.of("a result must be an object, found " + kind(result));
    }
    String resultTarget = text(result, "Target");
    String target =
        scope == null ? resultTarget : resultTarget == null ? scope : scope + " " + resultTarget;
    if (target != null) {
      targets.add(target);
    }
    Optional<JsonNode> vulnerabilities = list(result, "Vulnerabilities");
    if (vulnerabilities.isEmpty()) {
      return Optional.of("Vulnerabilities of target '" + target + "' must be an array");
    }
    for (JsonNode vulnerability : vulnerabilities.get()) {
      Optional<String> problem = addVulnerability(vulnerability, result, target);
      if (problem.isPresent()) {
        return problem;
      }
    }
    Optional<JsonNode> misconfigured = list(result, "Misconfigurations");
    Optional<JsonNode> exposed = list(result, "Secrets");
    if (misconfigured.isEmpty() || exposed.isEmpty()) {
      return Optional.of("Misconfigurations and Secrets of target '" + target + "' must be arrays");
    }
    for (JsonNode misconfiguration : misconfigured.get()) {
      if ("FAIL".equals(text(misconfiguration, "Status"))) {
        count(misconfigurations, text(misconfiguration, "Severity"));
      }
    }
    for (JsonNode secret : exposed.get()) {
      count(secrets, text(secret, "Severity"));
    }
    return Optional.empty();
  }

  /**
   * Adds one entry of a result's {@code Vulnerabilities}; {@code target} is where the result was
   * found, as {@link #add} names it.
   *
   * @return why the entry cannot be read, or empty when it was added
   */
  Optional<String> addVulnerability(JsonNode vulnerability, JsonNode result, String target) {
    if (!vulnerability.isObject()) {
      return Optional.of(
          "a vulnerability in target '"
              + target
              + "' is "
              + kind(vulnerability)
              + ", not an object");
    }
    findings.add(finding(vulnerability, result, target));
    return Optional.empty();
  }

  void addFinding(Finding finding) {
    findings.add(finding);
  }

  void countMisconfiguration(String severity) {
    count(misconfigurations, severity);
  }

  void countSecret(String severity) {
    count(secrets, severity);
  }

  List<Finding> findings() {
    return findings;
  }

  /** What the caller should know about entries that were kept although incomplete. */
  List<String> notes() {
    return incomplete == 0
        ? List.of()
        : List.of(
            incomplete
                + " vulnerability entries without VulnerabilityID or PkgName, kept with an empty"
                + " one");
  }

  List<String> targets() {
    return List.copyOf(targets);
  }

  ScanSummary summary(String scannerVersion, String artifactType, Instant createdAt) {
    return new ScanSummary(
        "trivy",
        scannerVersion,
        artifactType,
        createdAt,
        findings.size(),
        counts(misconfigurations),
        counts(secrets));
  }

  /**
   * An entry without {@code VulnerabilityID} or {@code PkgName} is kept with an empty one and
   * noted: it is still an entry Trivy reported, and dropping it would undercount.
   */
  private Finding finding(JsonNode vulnerability, JsonNode result, String target) {
    String id = text(vulnerability, "VulnerabilityID");
    String packageName = text(vulnerability, "PkgName");
    if (id == null || packageName == null) {
      incomplete++;
    }
    String path = text(vulnerability, "PkgPath");
    var details =
        new Finding.Details(
            text(vulnerability.path("PkgIdentifier"), "PURL"),
            text(vulnerability, "Status"),
            cvss(vulnerability),
            instant(text(vulnerability, "PublishedDate")),
            text(vulnerability, "PrimaryURL"),
            target,
            text(result, "Class"),
            text(result, "Type"),
            path != null ? path : target);
    return new Finding(
        id == null ? "" : id,
        packageName == null ? "" : packageName,
        text(vulnerability, "InstalledVersion"),
        text(vulnerability, "FixedVersion"),
        Severity.fromLabel(text(vulnerability, "Severity")),
        text(vulnerability, "Title"),
        details);
  }

  /**
   * The CVSS v3 rating from the source Trivy took the severity from, else from nvd, ghsa, redhat or
   * any other source, in that order; {@code null} when no source has a v3 score or vector.
   */
  private static CvssScore cvss(JsonNode vulnerability) {
    JsonNode sources = vulnerability.path("CVSS");
    if (!sources.isObject()) {
      return null;
    }
    List<String> order = new ArrayList<>();
    String preferred = text(vulnerability, "SeveritySource");
    if (preferred != null) {
      order.add(preferred);
    }
    order.addAll(CVSS_FALLBACK);
    order.addAll(sources.propertyNames());
    for (String source : order) {
      JsonNode rating = sources.path(source);
      JsonNode score = rating.path("V3Score");
      String vector = text(rating, "V3Vector");
      if (score.isNumber() || vector != null) {
        return new CvssScore(source, score.isNumber() ? score.asDouble() : null, vector);
      }
    }
    return null;
  }

  private static void count(int[] counts, String severity) {
    counts[Severity.fromLabel(severity).ordinal()]++;
  }

  private static SeverityCounts counts(int[] counts) {
    return new SeverityCounts(
        counts[Severity.CRITICAL.ordinal()],
        counts[Severity.HIGH.ordinal()],
        counts[Severity.MEDIUM.ordinal()],
        counts[Severity.LOW.ordinal()],
        counts[Severity.UNKNOWN.ordinal()]);
  }

  /** The array under {@code field}; a missing or {@code null} field is an empty array. */
  static Optional<JsonNode> list(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.of(JsonNodeFactory.instance.arrayNode());
    }
    return value.isArray() ? Optional.of(value) : Optional.empty();
  }

  /** A string or number field as text; {@code null} when absent, blank or of another type. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isString() && !value.isNumber()) {
      return null;
    }
    String text = value.asString();
    return text.isBlank() ? null : text;
  }

  /** An RFC 3339 timestamp; {@code null} when absent or not one. */
  static Instant instant(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String kind(JsonNode node) {
    return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
