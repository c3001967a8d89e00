package io.scanwatch.localstack;

import io.scanwatch.localstack.MailSink.MailMessage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders what the sinks received for a terminal: the words a person would read, not JSON. */
public final class NotificationText {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String INDENT = "    | ";

  private NotificationText() {}

  /**
   * A Slack message as its fallback {@code text} followed by the text of its blocks and
   * attachments, in the order Slack shows them.
   */
  public static String ofSlack(String payloadJson) {
    JsonNode payload;
    try {
      payload = JSON.readTree(payloadJson);
    } catch (JacksonException e) {
      return "  (not JSON) " + payloadJson;
    }
    var out = new StringBuilder();
    out.append("  text:   ").append(payload.path("text").asString("(none)")).append('\n');
    var texts = new ArrayList<String>();
    collectTexts(payload.path("blocks"), texts);
    collectTexts(payload.path("attachments"), texts);
    if (!texts.isEmpty()) {
      out.append("  blocks:\n");
      texts.forEach(text -> indent(text, out));
    }
    return out.toString();
  }

  /** A mail as its sender, recipient, subject and body. */
  public static String ofMail(MailMessage mail) {
    var out = new StringBuilder();
    out.append("  from:    ").append(mail.from()).append('\n');
    out.append("  to:      ").append(mail.to()).append('\n');
    out.append("  subject: ").append(mail.subject()).append('\n');
    out.append("  body:\n");
    indent(mail.text(), out);
    return out.toString();
  }

  /**
   * Every string under a {@code text} key, depth first, which is where Slack keeps visible text.
   */
  private static void collectTexts(JsonNode node, List<String> texts) {
    if (node.isArray()) {
      node.forEach(child -> collectTexts(child, texts));
    } else if (node.isObject()) {
      node.properties()
          .forEach(
              property -> {
                if (property.getKey().equals("text") && property.getValue().isString()) {
                  texts.add(property.getValue().asString());
                } else {
                  collectTexts(property.getValue(), texts);
                }
              });
    }
  }

  private static void indent(String text, StringBuilder out) {
    text.strip().lines().forEach(line -> out.append(INDENT).append(line).append('\n'));
  }
}
