package io.scanwatch.notifier.channel.slack;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.channel.AlertText;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an alert as a Slack incoming-webhook message: a plain {@code text} that notifications and
 * old clients show, and Block Kit {@code blocks} with a header, the facts as fields, and the top
 * findings.
 */
final class SlackMessage {

  // Block Kit limits; Slack rejects the whole message when one is exceeded.
  private static final int HEADER_LIMIT = 150;
  private static final int FIELD_LIMIT = 2000;
  private static final int SECTION_LIMIT = 3000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SlackMessage() {}

  /** The webhook payload for {@code alert}. */
  static ObjectNode render(AlertEvent alert) {
    AlertText text = AlertText.of(alert);
    ObjectNode message = JSON.objectNode();
    message.put(
        "text",
        escape(text.headline() + ": " + text.counts() + "; fix by " + text.deadline() + " (UTC)"));
    ArrayNode blocks = message.putArray("blocks");
    blocks.add(header(text.headline()));
    blocks.add(
        fields(
            "*Priority*\n" + escape(text.priority()),
            "*Deadline (UTC)*\n" + escape(text.deadline()),
            "*Findings*\n" + escape(text.counts()),
            "*Violations*\n" + bullets(text.violations())));
    if (!text.findings().isEmpty()) {
      blocks.add(section("*Top findings*\n" + bullets(text.findings())));
    }
    blocks.add(
        context(
            escape(
                "Alert "
                    + alert.alertId()
                    + AlertText.SEPARATOR
                    + alert.state()
                    + AlertText.SEPARATOR
                    + "report "
                    + alert.reportId())));
    return message;
  }

  private static ObjectNode header(String text) {
    ObjectNode header = JSON.objectNode().put("type", "header");
    header.set("text", plainText(truncate(text, HEADER_LIMIT)));
    return header;
  }

  private static ObjectNode fields(String... texts) {
    ObjectNode section = JSON.objectNode().put("type", "section");
    ArrayNode fields = section.putArray("fields");
    for (String text : texts) {
      fields.add(markdown(truncate(text, FIELD_LIMIT)));
    }
    return section;
  }

  private static ObjectNode section(String text) {
    ObjectNode section = JSON.objectNode().put("type", "section");
    section.set("text", markdown(truncate(text, SECTION_LIMIT)));
    return section;
  }

  private static ObjectNode context(String text) {
    ObjectNode context = JSON.objectNode().put("type", "context");
    context.putArray("elements").add(markdown(truncate(text, SECTION_LIMIT)));
    return context;
  }

  private static ObjectNode plainText(String text) {
    return JSON.objectNode().put("type", "plain_text").put("text", text);
  }

  private static ObjectNode markdown(String text) {
    return JSON.objectNode().put("type", "mrkdwn").put("text", text);
  }

  private static String bullets(List<String> lines) {
    if (lines.isEmpty()) {
      return "none";
    }
    return lines.stream().map(line -> "• " + escape(line)).collect(Collectors.joining("\n"));
  }

  // Slack reads &, < and > in mrkdwn as markup (links, mentions); data must not turn into markup.
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
