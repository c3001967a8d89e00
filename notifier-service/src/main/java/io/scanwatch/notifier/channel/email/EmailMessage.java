package io.scanwatch.notifier.channel.email;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.notifier.channel.AlertText;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * An alert as an e-mail: the subject {@code [Scanwatch P0] <image>}, and the same facts as plain
 * text and as HTML.
 *
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 */
record EmailMessage(String subject, String text, String html) {

  /** The e-mail for {@code alert}. */
  static EmailMessage render(AlertEvent alert) {
    AlertText facts = AlertText.of(alert);
    return new EmailMessage(
        "[Scanwatch " + facts.priority() + "] " + facts.image(),
        text(alert, facts),
        html(alert, facts));
  }

  private static String text(AlertEvent alert, AlertText facts) {
    var text = new StringBuilder();
    text.append(facts.priority())
        .append(" alert ")
        .append(alert.state())
        .append(" for ")
        .append(facts.image())
        .append("\n\n");
    text.append("Image:     ").append(facts.image()).append('\n');
    text.append("Priority:  ").append(facts.priority()).append('\n');
    text.append("Deadline:  ").append(facts.deadline()).append(" (UTC)\n");
    text.append("Findings:  ").append(facts.counts()).append("\n\n");
    appendList(text, "Violations", facts.violations());
    appendList(text, "Top findings", facts.findings());
    text.append("Alert ").append(alert.alertId()).append(", report ").append(alert.reportId());
    text.append('\n');
    return text.toString();
  }

  private static void appendList(StringBuilder text, String title, List<String> lines) {
    text.append(title).append(":\n");
    if (lines.isEmpty()) {
      text.append("  none\n");
    }
    lines.forEach(line -> text.append("  - ").append(line).append('\n'));
    text.append('\n');
  }

  private static String html(AlertEvent alert, AlertText facts) {
    var html = new StringBuilder("<!DOCTYPE html><html><body>");
    html.append("<h2>").append(escape(facts.headline())).append("</h2>");
    html.append("<table>");
    row(html, "State", alert.state().name());
    row(html, "Priority", facts.priority());
    row(html, "Deadline (UTC)", facts.deadline());
    row(html, "Findings", facts.counts());
    html.append("</table>");
    htmlList(html, "Violations", facts.violations());
    htmlList(html, "Top findings", facts.findings());
    html.append("<p>Alert ")
        .append(escape(alert.alertId()))
        .append(", report ")
        .append(escape(String.valueOf(alert.reportId())))
        .append("</p></body></html>");
    return html.toString();
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th align=\"left\">")
        .append(escape(label))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>");
  }

  private static void htmlList(StringBuilder html, String title, List<String> lines) {
    html.append("<h3>").append(escape(title)).append("</h3>");
    if (lines.isEmpty()) {
      html.append("<p>none</p>");
      return;
    }
    html.append("<ul>");
    lines.forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
    html.append("</ul>");
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
