package io.scanwatch.trivy;

import static io.scanwatch.trivy.TrivyResults.text;

import io.scanwatch.contracts.Finding;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.contracts.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads SARIF 2.1.0 written by Trivy ({@code --format sarif}). Vulnerability results become
 * findings, with package, versions and severity taken from the lines of Trivy's result message;
 * misconfiguration and secret results are counted per severity; license results are skipped.
 */
final class TrivySarifReportParser {

  static final String FORMAT = "sarif-2.1.0";

  ParseOutcome parse(JsonNode root) {
    if (!"2.1.0".equals(text(root, "version")) || !root.path("runs").isArray()) {
      return new ParseOutcome.Unrecognised(
          "SARIF version " + text(root, "version") + " is not supported; expected 2.1.0");
    }
    var collected = new TrivyResults();
    var targets = new LinkedHashSet<String>();
    List<String> notes = new ArrayList<>();
    ImageReference image = null;
    String version = null;
    for (JsonNode run : root.path("runs")) {
      JsonNode driver = run.path("tool").path("driver");
      if (!"Trivy".equalsIgnoreCase(text(driver, "name"))) {
        return new ParseOutcome.Unrecognised(
            "SARIF written by " + text(driver, "name") + "; only Trivy's SARIF is read");
      }
      version = text(driver, "version");
      JsonNode properties = run.path("properties");
      if (image == null) {
        image =
            TrivyReportParser.image(
                properties.path("repoTags"),
                properties.path("repoDigests"),
                text(properties, "imageName"));
      }
      Map<String, JsonNode> rulesById = new HashMap<>();
      for (JsonNode rule : driver.path("rules")) {
        rulesById.put(String.valueOf(text(rule, "id")), rule);
      }
      int licenses = 0;
      for (JsonNode result : run.path("results")) {
        JsonNode rule = rule(driver.path("rules"), rulesById, result);
        Map<String, String> message = lines(text(result.path("message"), "text"));
        String severity = severity(rule, message);
        String target =
            text(
                result.path("locations").path(0).path("physicalLocation").path("artifactLocation"),
                "uri");
        if (target != null) {
          targets.add(target);
        }
        String kind = String.valueOf(text(rule, "name"));
        if (kind.endsWith("Vulnerability")) {
          String id = text(result, "ruleId");
          String packageName = message.get("Package");
          if (id == null || packageName == null) {
            return new ParseOutcome.Unrecognised(
                "SARIF vulnerability result without ruleId or 'Package:' line");
          }
          var details =
              new Finding.Details(
                  null, null, null, null, text(rule, "helpUri"), target, null, null, target);
          collected.addFinding(
              new Finding(
                  id,
                  packageName,
                  message.get("Installed Version"),
                  message.get("Fixed Version"),
                  Severity.fromLabel(severity),
                  text(rule.path("shortDescription"), "text"),
                  details));
        } else if (kind.equals("Misconfiguration")) {
          collected.countMisconfiguration(severity);
        } else if (kind.equals("Secret")) {
          collected.countSecret(severity);
        } else {
          licenses++;
        }
      }
      if (licenses > 0) {
        notes.add(licenses + " license or other non-vulnerability result(s) skipped");
      }
    }
    return new ParseOutcome.Parsed(
        image,
        null,
        collected.findings(),
        FORMAT,
        collected.summary(version, null, null),
        List.copyOf(targets),
        notes);
  }

  private static JsonNode rule(JsonNode rules, Map<String, JsonNode> byId, JsonNode result) {
    JsonNode index = result.path("ruleIndex");
    if (index.isInt() && rules.path(index.asInt()).isObject()) {
      return rules.path(index.asInt());
    }
    return byId.getOrDefault(String.valueOf(text(result, "ruleId")), MissingNode.getInstance());
  }

  /** Trivy tags each rule with its severity; the message repeats it as "Severity: …". */
  private static String severity(JsonNode rule, Map<String, String> message) {
    for (JsonNode tag : rule.path("properties").path("tags")) {
      Severity severity = Severity.fromLabel(tag.asString(""));
      if (severity != Severity.UNKNOWN || "UNKNOWN".equals(tag.asString(""))) {
        return severity.name();
      }
    }
    return message.get("Severity");
  }

  private static Map<String, String> lines(String text) {
    Map<String, String> fields = new HashMap<>();
    if (text == null) {
      return fields;
    }
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
      }
    }
    return fields;
  }
}
