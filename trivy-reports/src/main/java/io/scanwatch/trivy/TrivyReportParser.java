package io.scanwatch.trivy;

import static io.scanwatch.trivy.TrivyResults.instant;
import static io.scanwatch.trivy.TrivyResults.kind;
import static io.scanwatch.trivy.TrivyResults.text;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Trivy's JSON output, schema version 2 ({@code trivy <artifact> --format json}), for every
 * artifact type, as a token stream: each vulnerability becomes a finding as it is read, so memory
 * grows with the findings, not with the document. Lenient where Trivy varies ({@code
 * "Vulnerabilities": null}, missing or unknown severities, fields added by newer versions), strict
 * about what identifies an image.
 */
final class TrivyReportParser {

  static final String FORMAT = "trivy-json-v2";

  /**
   * @param parser positioned at the report's opening brace or at one of its property names; left at
   *     its closing brace when the report was read
   */
  ParseOutcome parse(JsonParser parser) {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    var collected = new TrivyResults();
    String name =
        parser.currentToken() == JsonToken.PROPERTY_NAME ? parser.currentName() : parser.nextName();
    for (; name != null; name = parser.nextName()) {
      JsonToken value = parser.nextToken();
      if (name.equals("Results") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          Optional<String> problem = result(parser, collected);
          if (problem.isPresent()) {
            return new ParseOutcome.Unrecognised(problem.get());
          }
        }
        continue;
      }
      header.set(name, parser.<JsonNode>readValueAsTree());
      if (name.equals("SchemaVersion") && !isTwo(header.path(name))) {
        return new ParseOutcome.Unrecognised(
            "Trivy SchemaVersion " + header.path(name) + " is not supported; expected 2");
      }
      if (name.equals("Results") && !header.path(name).isNull()) {
        return new ParseOutcome.Unrecognised("Results must be an array");
      }
    }
    return new ParseOutcome.Parsed(
        image(header),
        os(header.path("Metadata").path("OS")),
        collected.findings(),
        FORMAT,
        collected.summary(
            text(header.path("Trivy"), "Version"),
            text(header, "ArtifactType"),
            instant(text(header, "CreatedAt"))),
        collected.targets(),
        collected.notes());
  }

  /**
   * Reads one of {@code Results[]}. Trivy writes {@code Target}, {@code Class} and {@code Type}
   * before {@code Vulnerabilities}, so entries are turned into findings as they come; entries met
   * before the {@code Target} wait for the end of the result. {@code Packages} is skipped unread.
   */
  private static Optional<String> result(JsonParser parser, TrivyResults collected) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return Optional.of(
          "a result must be an object, found " + kind(parser.<JsonNode>readValueAsTree()));
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ArrayNode pending = JsonNodeFactory.instance.arrayNode();
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken value = parser.nextToken();
      if (name.equals("Vulnerabilities") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          JsonNode vulnerability = parser.readValueAsTree();
          if (!result.has("Target")) {
            pending.add(vulnerability);
            continue;
          }
          Optional<String> problem =
              collected.addVulnerability(vulnerability, result, text(result, "Target"));
          if (problem.isPresent()) {
            return problem;
          }
        }
      } else if (name.equals("Packages")) {
        parser.skipChildren();
      } else {
        result.set(name, parser.<JsonNode>readValueAsTree());
      }
    }
    if (!result.has("Vulnerabilities")) {
      result.set("Vulnerabilities", pending);
    }
    return collected.add(result, null);
  }

  private static boolean isTwo(JsonNode schemaVersion) {
    return schemaVersion.isIntegralNumber() && schemaVersion.asInt() == 2;
  }

  /**
   * The image's identity: tag from {@code Metadata.RepoTags}, digest from {@code
   * Metadata.RepoDigests}, else {@code ArtifactName} of a container image scan when it is an image
   * reference rather than a file.
   */
  private static ImageReference image(JsonNode root) {
    JsonNode metadata = root.path("Metadata");
    String type = text(root, "ArtifactType");
    // A filesystem, repository or SBOM name such as "testdata/app" also reads as an image name.
    String name =
        type == null || type.equals("container_image") ? text(root, "ArtifactName") : null;
    return image(metadata.path("RepoTags"), metadata.path("RepoDigests"), name);
  }

  /** Joins the first tag and the digest of the same repository; shared with SARIF's properties. */
  static ImageReference image(JsonNode repoTags, JsonNode repoDigests, String artifactName) {
    Optional<ImageReference> tagged = first(repoTags);
    Optional<ImageReference> digested = first(repoDigests);
    Optional<ImageReference> named = ImageReferences.parse(artifactName);
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
    // Trivy writes Family "none" when it found no operating system in the artifact.
    if (family == null || family.equals("none")) {
      return null;
    }
    return new OperatingSystem(family, text(os, "Name"), os.path("EOSL").asBoolean(false));
  }
}
