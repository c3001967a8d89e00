package io.scanwatch.ingest.trivy;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import io.scanwatch.contracts.Severity;
import io.scanwatch.ingest.image.ImageReferences;
import io.scanwatch.ingest.report.ParseOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Trivy's JSON output, schema version 2 ({@code trivy image --format json}), into findings.
 * Lenient where Trivy varies ({@code "Vulnerabilities": null}, missing or unknown severities,
 * fields added by newer versions), strict about what identifies an image.
 */
public class TrivyReportParser {

  static final String FORMAT = "trivy-json-v2";

  private final JsonMapper mapper =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Parses {@code json}; never throws for bad input, it says what is wrong instead. */
  public ParseOutcome parse(byte[] json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (StreamReadException e) {
      TokenStreamLocation at = e.getLocation();
      return new ParseOutcome.Malformed(
          e.getOriginalMessage(),
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr());
    } catch (JacksonException e) {
      return new ParseOutcome.Malformed(e.getOriginalMessage(), 0, 0);
    }
    if (root == null || root.isMissingNode()) {
      return new ParseOutcome.Unrecognised("the body is empty");
    }
    if (!root.isObject()) {
      return new ParseOutcome.Unrecognised(
          "expected a Trivy JSON report object (SchemaVersion 2), found a JSON "
              + root.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    JsonNode schemaVersion = root.path("SchemaVersion");
    if (!schemaVersion.isIntegralNumber() || schemaVersion.asInt() != 2) {
      return new ParseOutcome.Unrecognised(
          schemaVersion.isMissingNode()
              ? "a JSON object without SchemaVersion is not a Trivy report"
              : "Trivy SchemaVersion " + schemaVersion + " is not supported; expected 2");
    }
    JsonNode results = root.path("Results");
    if (!results.isMissingNode() && !results.isNull() && !results.isArray()) {
      return new ParseOutcome.Unrecognised("Results must be an array");
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode result : results.isArray() ? results : List.<JsonNode>of()) {
      JsonNode vulnerabilities = result.path("Vulnerabilities");
      if (!vulnerabilities.isArray()) {
        continue;
      }
      for (JsonNode vulnerability : vulnerabilities) {
        Optional<Finding> finding = finding(vulnerability);
        if (finding.isEmpty()) {
          return new ParseOutcome.Unrecognised(
              "a vulnerability in target '"
                  + text(result, "Target")
                  + "' has no VulnerabilityID or PkgName");
        }
        findings.add(finding.get());
      }
    }
    return new ParseOutcome.Parsed(
        image(root), os(root.path("Metadata").path("OS")), findings, FORMAT);
  }

  private static Optional<Finding> finding(JsonNode vulnerability) {
    String id = text(vulnerability, "VulnerabilityID");
    String packageName = text(vulnerability, "PkgName");
    if (id == null || packageName == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            id,
            packageName,
            text(vulnerability, "InstalledVersion"),
            text(vulnerability, "FixedVersion"),
            Severity.fromLabel(text(vulnerability, "Severity")),
            text(vulnerability, "Title")));
  }

  /**
   * The image's identity: tag from {@code Metadata.RepoTags}, digest from {@code
   * Metadata.RepoDigests}, else {@code ArtifactName} when it is an image reference rather than a
   * file.
   */
  private static ImageReference image(JsonNode root) {
    JsonNode metadata = root.path("Metadata");
    Optional<ImageReference> tagged = first(metadata.path("RepoTags"));
    Optional<ImageReference> digested = first(metadata.path("RepoDigests"));
    Optional<ImageReference> named = ImageReferences.parse(text(root, "ArtifactName"));
    Optional<ImageReference> base = tagged.or(() -> digested).or(() -> named);
    if (base.isEmpty()) {
      return null;
    }
    ImageReference image = base.get();
    String digest =
        digested
            .filter(d -> d.repositoryKey().equals(image.repositoryKey()))
            .map(ImageReference::digest)
            .orElse(image.digest());
    return new ImageReference(image.registry(), image.repository(), image.tag(), digest);
  }

  private static Optional<ImageReference> first(JsonNode references) {
    if (!references.isArray()) {
      return Optional.empty();
    }
    for (JsonNode reference : references) {
      Optional<ImageReference> parsed = ImageReferences.parse(reference.asString(""));
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    return Optional.empty();
  }

  private static OperatingSystem os(JsonNode os) {
    String family = text(os, "Family");
    if (family == null) {
      return null;
    }
    return new OperatingSystem(family, text(os, "Name"), os.path("EOSL").asBoolean(false));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isString() && !value.isNumber()) {
      return null;
    }
    String text = value.asString();
    return text.isBlank() ? null : text;
  }
}
