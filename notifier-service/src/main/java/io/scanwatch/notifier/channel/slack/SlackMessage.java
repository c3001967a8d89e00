package io.scanwatch.notifier.channel.slack;

import io.scanwatch.notifier.channel.AlertText;
import io.scanwatch.notifier.channel.NotificationText;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a notification as a Slack message, for an incoming webhook and for {@code
 * chat.postMessage} alike: a plain {@code text} that notifications and old clients show, and Block
 * Kit {@code blocks}. One alert gets a header, its facts as fields, the top findings, the root
 * cause and a button to the image; a grouped message lists each alert compactly.
 */
public final class SlackMessage {

  // Block Kit limits; Slack rejects the whole message when one is exceeded.
  private static final int HEADER_LIMIT = 150;
  private static final int FIELD_LIMIT = 2000;
  private static final int SECTION_LIMIT = 3000;
  private static final int BUTTON_TEXT_LIMIT = 75;
  private static final int URL_LIMIT = 3000;
  // Slack shows at most 50 blocks; the limit keeps a grouped message short enough to read.
  static final int MAX_LISTED_ALERTS = 10;
  private static final int FINDINGS_PER_LISTED_ALERT = 2;
  // The fallback text may be 40,000 characters; a notification preview shows far less.
  private static final int TEXT_LIMIT = 3000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SlackMessage() {}

  /** The message for {@code text}: {@code text} and {@code blocks}. */
  public static ObjectNode render(NotificationText text) {
    return text.grouped() ? grouped(text) : single(text);
  }

  private static ObjectNode single(NotificationText text) {
    AlertText alert = text.first();
    ObjectNode message = JSON.objectNode();
    message.put(
        "text",
        truncate(
            escape(
                text.title() + ": " + alert.counts() + "; fix by " + alert.deadline() + " (UTC)"),
            TEXT_LIMIT));
    ArrayNode blocks = message.putArray("blocks");
    blocks.add(header(text.title()));
    blocks.add(
        fields(
            "*Priority*\n" + escape(alert.priority()),
            "*Deadline (UTC)*\n" + escape(alert.deadline()),
            "*Findings*\n" + escape(alert.counts()),
            "*Score*\n" + escape(alert.score()),
            "*State*\n" + escape(alert.status()),
            "*Violations*\n" + bullets(alert.violations())));
    if (!alert.findings().isEmpty()) {
      blocks.add(section("*Top findings*\n" + bullets(alert.findings())));
    }
    if (alert.rootCause() != null) {
      blocks.add(section("*Root cause*\n" + escape(alert.rootCause())));
    }
    if (alert.link().length() <= URL_LIMIT) {
      blocks.add(JSON.objectNode().put("type", "actions").set("elements", buttons(alert)));
    }
    blocks.add(context(escape(context(alert))));
    return message;
  }

  private static ObjectNode grouped(NotificationText text) {
    List<AlertText> listed = text.listed(MAX_LISTED_ALERTS);
    int unlisted = text.unlisted(MAX_LISTED_ALERTS);
    ObjectNode message = JSON.objectNode();
    message.put(
        "text",
        truncate(
            escape(
                text.title()
                    + ": "
                    + listed.stream()
                        .map(alert -> alert.headline() + " (" + alert.status() + ")")
                        .collect(Collectors.joining("; "))
                    + (unlisted > 0 ? "; and " + unlisted + " more" : "")),
            TEXT_LIMIT));
    ArrayNode blocks = message.putArray("blocks");
    blocks.add(header(text.title()));
    for (AlertText alert : listed) {
      var lines = new StringBuilder();
      lines
          .append('*')
          .append(escape(alert.headline()))
          .append("*")
          .append(AlertText.SEPARATOR)
          .append(escape(alert.status()))
          .append('\n')
          .append(escape(alert.counts()))
          .append('\n')
          .append("Score ")
          .append(escape(alert.score()))
          .append(AlertText.SEPARATOR)
          .append("fix by ")
          .append(escape(alert.deadline()))
          .append(" (UTC)");
      alert.findings().stream()
          .limit(FINDINGS_PER_LISTED_ALERT)
          .forEach(finding -> lines.append("\n• ").append(escape(finding)));
      if (alert.rootCause() != null) {
        lines.append("\n_").append(escape(alert.rootCause())).append('_');
      }
      ObjectNode section = section(lines.toString());
      if (alert.link().length() <= URL_LIMIT) {
        section.set("accessory", button(alert));
      }
      blocks.add(section);
    }
    if (unlisted > 0) {
      blocks.add(context("and " + unlisted + " more"));
    }
    return message;
  }

  private static String context(AlertText alert) {
    return alert.reference()
        + (alert.labels().isEmpty() ? "" : AlertText.SEPARATOR + alert.labels());
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

  private static ArrayNode buttons(AlertText alert) {
    return JSON.arrayNode().add(button(alert));
  }

  private static ObjectNode button(AlertText alert) {
    ObjectNode button = JSON.objectNode().put("type", "button");
    button.set("text", plainText(truncate("Open image", BUTTON_TEXT_LIMIT)));
    button.put("url", alert.link());
    return button;
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
