package io.scanwatch.trivy;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads any Trivy output a team may have, telling the format from the content: JSON schema 2, the
 * pre-0.20 array, a bare {@code null}, the pre-0.2 target map, {@code trivy k8s} cluster reports,
 * Trivy Operator {@code VulnerabilityReport}s, CycloneDX and SARIF. Never throws for bad input.
 */
public class TrivyReports {

  /** Deeper than any Trivy output; bounds the parser's stack on hostile input. */
  static final int MAX_NESTING_DEPTH = 200;

  /** Longer than any description Trivy writes; a bigger string is an attack, not a report. */
  static final int MAX_STRING_LENGTH = 1_000_000;

  private final JsonMapper mapper =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .build();

  private final TrivyReportParser schema2 = new TrivyReportParser();
  private final TrivyLegacyReportParser legacy = new TrivyLegacyReportParser();
  private final TrivyKubernetesReportParser kubernetes = new TrivyKubernetesReportParser();
  private final TrivyOperatorReportParser operator = new TrivyOperatorReportParser();
  private final TrivyCycloneDxReportParser cycloneDx = new TrivyCycloneDxReportParser();
  private final TrivySarifReportParser sarif = new TrivySarifReportParser();

  /** Parses {@code json}; says what is wrong with it instead of throwing. */
  public ParseOutcome parse(byte[] json) {
    try {
      return read(json);
    } catch (StreamConstraintsException e) {
      return new ParseOutcome.LimitExceeded(reasonOf(e));
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      return new ParseOutcome.Malformed(
          reasonOf(e), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
    }
  }

  /** Jackson's message in plain words, said to be a safety limit when it is one. */
  static String reasonOf(JacksonException e) {
    String message = JacksonMessages.withoutInternals(e);
    return e instanceof StreamConstraintsException
        ? "the report exceeds a safety limit: " + message
        : message;
  }

  /**
   * Streams a schema 2 report, which Trivy starts with {@code SchemaVersion}; reads anything else
   * as a tree, which the other formats are small enough for.
   */
  private ParseOutcome read(byte[] json) {
    try (JsonParser parser = mapper.createParser(json)) {
      if (parser.nextToken() == JsonToken.START_OBJECT
          && "SchemaVersion".equals(parser.nextName())) {
        return streamed(parser);
      }
    }
    JsonNode root = mapper.readTree(json);
    if (root == null || root.isMissingNode()) {
      return new ParseOutcome.Unrecognised("the body is empty");
    }
    if (root.isNull()) {
      return legacy.parseNull();
    }
    if (root.isArray()) {
      return array(root);
    }
    if (root.isObject()) {
      return object(root);
    }
    return new ParseOutcome.Unrecognised(
        "expected a Trivy report, found " + TrivyResults.kind(root));
  }

  private ParseOutcome streamed(JsonParser parser) {
    ParseOutcome outcome = schema2.parse(parser);
    if (outcome instanceof ParseOutcome.Parsed && parser.nextToken() != null) {
      TokenStreamLocation at = parser.currentTokenLocation();
      return new ParseOutcome.Malformed(
          "unexpected content after the report", at.getLineNr(), at.getColumnNr());
    }
    return outcome;
  }

  private ParseOutcome array(JsonNode root) {
    if (elements(root).anyMatch(element -> element.has("kind"))) {
      return operator.parse(root);
    }
    if (elements(root).allMatch(element -> element.isObject() && element.has("Target"))) {
      return legacy.parseArray(root);
    }
    return new ParseOutcome.Unrecognised(
        "a JSON array is read as a pre-0.20 Trivy report ([{Target, Vulnerabilities}]) or a list of"
            + " Trivy Operator resources, and this one is neither");
  }

  private ParseOutcome object(JsonNode root) {
    if (root.has("SchemaVersion")) {
      try (JsonParser parser = mapper.treeAsTokens(root)) {
        parser.nextToken();
        return schema2.parse(parser);
      }
    }
    if (root.has("ClusterName")) {
      return kubernetes.parse(root);
    }
    if (root.has("kind")) {
      return operator.parse(root);
    }
    if ("CycloneDX".equals(TrivyResults.text(root, "bomFormat"))) {
      return cycloneDx.parse(root);
    }
    if (root.has("runs")) {
      return sarif.parse(root);
    }
    if (root.isEmpty()) {
      return new ParseOutcome.Unrecognised("an empty JSON object is not a Trivy report");
    }
    return legacy.parseTargetMap(root);
  }

  private static Stream<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
