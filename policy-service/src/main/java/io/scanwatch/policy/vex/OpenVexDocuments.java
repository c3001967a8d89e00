package io.scanwatch.policy.vex;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads uploaded OpenVEX documents: the v0.2.0 spec (vulnerability and product objects) and the
 * older v0.0.1 shape (vulnerability, products and subcomponents as strings).
 */
public final class OpenVexDocuments {

  /** Deeper than any OpenVEX document needs; bounds the parser on hostile input. */
  static final int MAX_NESTING_DEPTH = 32;

  private static final String CONTEXT_PREFIX = "https://openvex.dev/ns";

  private static final Set<String> JUSTIFICATIONS =
      Set.of(
          "component_not_present",
          "vulnerable_code_not_present",
          "vulnerable_code_not_in_execute_path",
          "vulnerable_code_cannot_be_controlled_by_adversary",
          "inline_mitigations_already_exist");

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(1_000_000)
                          .build())
                  // Two values for one field would leave the status to whichever wins.
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private OpenVexDocuments() {}

  /** Reads and validates an OpenVEX document. Never throws on bad input. */
  public static VexParseOutcome parse(byte[] json) {
    if (json == null || json.length == 0) {
      return new VexParseOutcome.Invalid("The document is empty", "");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      return new VexParseOutcome.Invalid("The document is not JSON: " + e.getOriginalMessage(), "");
    }
    try {
      return new VexParseOutcome.Parsed(document(root));
    } catch (InvalidField e) {
      return new VexParseOutcome.Invalid(e.getMessage(), e.pointer);
    }
  }

  private static VexDocument document(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidField("", "An OpenVEX document is a JSON object");
    }
    String context = requiredText(root, "@context", "");
    if (!context.startsWith(CONTEXT_PREFIX)) {
      throw new InvalidField(
          "/@context", "@context is not OpenVEX (" + CONTEXT_PREFIX + "/v0.2.0): " + context);
    }
    String id = requiredText(root, "@id", "");
    String author = requiredText(root, "author", "");
    Instant timestamp = timestamp(root, "timestamp", "", true);
    JsonNode version = root.get("version");
    if (version != null && !version.isIntegralNumber() && !version.isString()) {
      throw new InvalidField("/version", "version is not a number");
    }
    JsonNode statements = root.get("statements");
    if (statements == null || !statements.isArray() || statements.isEmpty()) {
      throw new InvalidField("/statements", "statements must be a non-empty array");
    }
    List<VexStatement> read = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      read.add(statement(statements.get(i), "/statements/" + i, timestamp));
    }
    return new VexDocument(id, author, timestamp, read);
  }

  private static VexStatement statement(JsonNode node, String at, Instant documentTimestamp) {
    if (!node.isObject()) {
      throw new InvalidField(at, "A statement is a JSON object");
    }
    String vulnerabilityId;
    List<String> aliases = new ArrayList<>();
    JsonNode vulnerability = node.get("vulnerability");
    if (vulnerability != null && vulnerability.isObject()) {
      vulnerabilityId = requiredText(vulnerability, "name", at + "/vulnerability");
      JsonNode aliasNodes = vulnerability.get("aliases");
      if (aliasNodes != null) {
        aliases.addAll(strings(aliasNodes, at + "/vulnerability/aliases"));
      }
    } else {
      vulnerabilityId = requiredText(node, "vulnerability", at);
    }

    List<String> products = new ArrayList<>();
    List<String> subcomponents = new ArrayList<>();
    JsonNode productNodes = node.get("products");
    if (productNodes != null) {
      if (!productNodes.isArray()) {
        throw new InvalidField(at + "/products", "products is not an array");
      }
      for (int j = 0; j < productNodes.size(); j++) {
        String productAt = at + "/products/" + j;
        JsonNode product = productNodes.get(j);
        products.add(componentId(product, productAt));
        JsonNode nested = product.isObject() ? product.get("subcomponents") : null;
        if (nested != null) {
          subcomponents.addAll(componentIds(nested, productAt + "/subcomponents"));
        }
      }
    }
    JsonNode statementSubcomponents = node.get("subcomponents");
    if (statementSubcomponents != null) {
      subcomponents.addAll(componentIds(statementSubcomponents, at + "/subcomponents"));
    }

    String statusName = requiredText(node, "status", at);
    VexStatus status =
        VexStatus.fromWireName(statusName)
            .orElseThrow(
                () ->
                    new InvalidField(
                        at + "/status",
                        "status must be one of not_affected, affected, fixed,"
                            + " under_investigation, not \""
                            + statusName
                            + "\""));
    String justification = optionalText(node, "justification", at);
    if (justification != null && !JUSTIFICATIONS.contains(justification)) {
      throw new InvalidField(
          at + "/justification", "justification is not an OpenVEX label: " + justification);
    }
    String impactStatement = optionalText(node, "impact_statement", at);
    optionalText(node, "action_statement", at);
    optionalText(node, "status_notes", at);
    if (status == VexStatus.NOT_AFFECTED && justification == null && impactStatement == null) {
      throw new InvalidField(
          at + "/justification",
          "A not_affected statement needs a justification or an impact_statement");
    }
    Instant timestamp = timestamp(node, "timestamp", at, false);
    return new VexStatement(
        vulnerabilityId,
        aliases,
        products,
        subcomponents,
        status,
        justification,
        impactStatement,
        timestamp != null ? timestamp : documentTimestamp);
  }

  private static List<String> componentIds(JsonNode array, String at) {
    if (!array.isArray()) {
      throw new InvalidField(at, "subcomponents is not an array");
    }
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < array.size(); k++) {
      ids.add(componentId(array.get(k), at + "/" + k));
    }
    return ids;
  }

  /** A product or subcomponent: a string (v0.0.1), or an object with a purl or an {@code @id}. */
  private static String componentId(JsonNode component, String at) {
    if (component.isString() && !component.stringValue().isBlank()) {
      return component.stringValue().strip();
    }
    if (component.isObject()) {
      JsonNode identifiers = component.get("identifiers");
      if (identifiers != null && identifiers.isObject()) {
        String purl = optionalText(identifiers, "purl", at + "/identifiers");
        if (purl != null) {
          return purl;
        }
      }
      String id = optionalText(component, "@id", at);
      if (id != null) {
        return id;
      }
    }
    throw new InvalidField(at, "A product or subcomponent needs an @id or identifiers.purl");
  }

  private static List<String> strings(JsonNode array, String at) {
    if (!array.isArray()) {
      throw new InvalidField(at, "not an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (int k = 0; k < array.size(); k++) {
      JsonNode value = array.get(k);
      if (!value.isString() || value.stringValue().isBlank()) {
        throw new InvalidField(at + "/" + k, "not a string");
      }
      values.add(value.stringValue().strip());
    }
    return values;
  }

  private static Instant timestamp(JsonNode node, String field, String at, boolean required) {
    String text = required ? requiredText(node, field, at) : optionalText(node, field, at);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidField(at + "/" + field, field + " is not an RFC 3339 date-time: " + text);
    }
  }

  private static String requiredText(JsonNode node, String field, String at) {
    String value = optionalText(node, field, at);
    if (value == null) {
      throw new InvalidField(at + "/" + field, field + " is required");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new InvalidField(at + "/" + field, field + " is not a string");
    }
    String text = value.stringValue().strip();
    return text.isEmpty() ? null : text;
  }

  /** Unwinds validation to {@link #parse}, which turns it into {@link VexParseOutcome.Invalid}. */
  private static final class InvalidField extends RuntimeException {
    private final String pointer;

    InvalidField(String pointer, String reason) {
      super(reason, null, false, false);
      this.pointer = pointer;
    }
  }
}
