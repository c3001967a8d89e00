package io.scanwatch.notifier.channel.teams;

import io.scanwatch.notifier.channel.AlertText;
import io.scanwatch.notifier.channel.NotificationText;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a notification as the message a Teams Workflows webhook ("Post to a channel when a
 * webhook request is received") takes: one attachment holding an Adaptive Card 1.4 with the facts
 * as a {@code FactSet}, the top findings, the root cause and an {@code Action.OpenUrl} to the
 * image. A grouped message has one container per alert.
 */
final class TeamsCard {

  static final int MAX_LISTED_ALERTS = 10;
  private static final int FINDINGS_PER_LISTED_ALERT = 3;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TeamsCard() {}

  /** The webhook payload for {@code text}. */
  static ObjectNode render(NotificationText text) {
    ObjectNode card = JSON.objectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    // Without it Teams draws the card at a fixed, narrow width.
    card.putObject("msteams").put("width", "Full");
    ArrayNode body = card.putArray("body");
    body.add(
        textBlock(text.title())
            .put("size", "Large")
            .put("weight", "Bolder")
            .put("color", text.first().status().equals("Resolved") ? "Good" : "Attention"));
    if (text.grouped()) {
      for (AlertText alert : text.listed(MAX_LISTED_ALERTS)) {
        ObjectNode container = JSON.objectNode().put("type", "Container").put("separator", true);
        ArrayNode items = container.putArray("items");
        items.add(
            textBlock("[" + alert.headline() + "](" + alert.link() + ")").put("weight", "Bolder"));
        items.add(facts(alert));
        alert.findings().stream()
            .limit(FINDINGS_PER_LISTED_ALERT)
            .forEach(finding -> items.add(textBlock("- " + finding)));
        body.add(container);
      }
      int unlisted = text.unlisted(MAX_LISTED_ALERTS);
      if (unlisted > 0) {
        body.add(textBlock("and " + unlisted + " more").put("isSubtle", true));
      }
    } else {
      AlertText alert = text.first();
      body.add(facts(alert).put("separator", true));
      body.add(heading("Violations"));
      body.add(list(alert.violations()));
      if (!alert.findings().isEmpty()) {
        body.add(heading("Top findings"));
        body.add(list(alert.findings()));
      }
      if (alert.rootCause() != null) {
        body.add(heading("Root cause"));
        body.add(textBlock(alert.rootCause()));
      }
      body.add(textBlock(alert.reference()).put("isSubtle", true).put("size", "Small"));
      card.putArray("actions")
          .add(
              JSON.objectNode()
                  .put("type", "Action.OpenUrl")
                  .put("title", "Open image")
                  .put("url", alert.link()));
    }
    ObjectNode message = JSON.objectNode().put("type", "message");
    message
        .putArray("attachments")
        .add(
            JSON.objectNode()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", card));
    return message;
  }

  private static ObjectNode facts(AlertText alert) {
    ObjectNode factSet = JSON.objectNode().put("type", "FactSet");
    ArrayNode facts = factSet.putArray("facts");
    fact(facts, "Image", alert.image());
    fact(facts, "State", alert.status());
    fact(facts, "Priority", alert.priority());
    fact(facts, "Deadline (UTC)", alert.deadline());
    fact(facts, "Findings", alert.counts());
    fact(facts, "Score", alert.score());
    if (!alert.labels().isEmpty()) {
      fact(facts, "Labels", alert.labels());
    }
    return factSet;
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.add(JSON.objectNode().put("title", title).put("value", value));
  }

  private static ObjectNode heading(String text) {
    return textBlock(text).put("weight", "Bolder");
  }

  private static ObjectNode list(List<String> lines) {
    if (lines.isEmpty()) {
      return textBlock("none");
    }
    // Adaptive Card markdown: a "- " line per item, separated by a blank line break.
    return textBlock("- " + String.join("\r- ", lines));
  }

  private static ObjectNode textBlock(String text) {
    return JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
  }
}
