package io.scanwatch.trivy;

import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.OperatingSystem;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads what Trivy wrote before schema 2: the top-level array {@code [{Target, Type,
 * Vulnerabilities}]} of versions before 0.20, the bare {@code null} they wrote for a clean image,
 * and the target-keyed map {@code {"<target>": null | [...]}} of versions before 0.2.
 */
final class TrivyLegacyReportParser {

  static final String FORMAT = "trivy-json-legacy";
  static final String PRE_0_2_FORMAT = "trivy-json-pre-0.2";

  /** {@code registry/repo:tag (alpine 3.10.2)}: the image and the OS Trivy found in it. */
  private static final Pattern OS_TARGET = Pattern.compile("^(\\S+) \\((\\S+) (\\S+)\\)$");

  ParseOutcome parseNull() {
    return parsed(new TrivyResults(), FORMAT, null, null);
  }

  ParseOutcome parseArray(JsonNode root) {
    var collected = new TrivyResults();
    ImageReference image = null;
    OperatingSystem os = null;
    for (JsonNode result : root) {
      Optional<String> problem = collected.add(result, null);
      if (problem.isPresent()) {
        return new ParseOutcome.Unrecognised("legacy Trivy array: " + problem.get());
      }
      Matcher target = OS_TARGET.matcher(String.valueOf(TrivyResults.text(result, "Target")));
      if (os == null && target.matches()) {
        image = ImageReferences.parse(target.group(1)).orElse(null);
        os = new OperatingSystem(target.group(2), target.group(3), false);
      }
    }
    return parsed(collected, FORMAT, image, os);
  }

  /**
   * Accepts the pre-0.2 map only when every value is {@code null} or an array, so that an arbitrary
   * JSON object is not taken for a clean report.
   */
  ParseOutcome parseTargetMap(JsonNode root) {
    var collected = new TrivyResults();
    ImageReference image = null;
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      JsonNode vulnerabilities = entry.getValue();
      if (!vulnerabilities.isNull() && !vulnerabilities.isArray()) {
        return new ParseOutcome.Unrecognised(
            "a JSON object with keys "
                + root.propertyNames()
                + " is not a Trivy report (no SchemaVersion, ClusterName, kind, bomFormat or runs)");
      }
      var result = JsonNodeFactory.instance.objectNode();
      result.put("Target", entry.getKey());
      result.set("Vulnerabilities", vulnerabilities);
      Optional<String> problem = collected.add(result, null);
      if (problem.isPresent()) {
        return new ParseOutcome.Unrecognised("pre-0.2 Trivy map: " + problem.get());
      }
      Matcher target = OS_TARGET.matcher(entry.getKey());
      if (image == null) {
        image =
            ImageReferences.parse(target.matches() ? target.group(1) : entry.getKey()).orElse(null);
      }
    }
    return parsed(collected, PRE_0_2_FORMAT, image, null);
  }

  private static ParseOutcome parsed(
      TrivyResults collected, String format, ImageReference image, OperatingSystem os) {
    return new ParseOutcome.Parsed(
        image,
        os,
        collected.findings(),
        format,
        collected.summary(null, null, null),
        collected.targets(),
        collected.notes());
  }
}
