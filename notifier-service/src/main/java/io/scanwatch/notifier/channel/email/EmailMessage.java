package io.scanwatch.notifier.channel.email;

import io.scanwatch.notifier.channel.AlertText;
import io.scanwatch.notifier.channel.NotificationText;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A notification as an e-mail: the subject {@code [Scanwatch P0] <image>} (with the status before
 * the image unless the alert just started firing), or {@code [Scanwatch] 3 alerts: 2 P0, 1 P1} for
 * a grouped message, and the same facts as plain text and as HTML.
 *
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 */
record EmailMessage(String subject, String text, String html) {

  // An e-mail has no hard limit, but a reader does.
  static final int MAX_LISTED_ALERTS = 50;

  /** The e-mail for {@code notification}'s text. */
  static EmailMessage render(NotificationText notification) {
    String subject =
        notification.grouped()
            ? "[Scanwatch] " + notification.title()
            : "[Scanwatch "
                + notification.first().priority()
                + "] "
                + notification.subjectPrefix()
                + notification.first().image();
    return new EmailMessage(subject, text(notification), html(notification));
  }

  private static String text(NotificationText notification) {
    var text = new StringBuilder();
    text.append(notification.title()).append("\n\n");
    for (AlertText alert : notification.listed(MAX_LISTED_ALERTS)) {
      if (notification.grouped()) {
        text.append("== ").append(alert.headline()).append(" ==\n\n");
      }
      text.append("Image:       ").append(alert.image()).append('\n');
      text.append("State:       ").append(alert.status()).append('\n');
      text.append("Priority:    ").append(alert.priority()).append('\n');
      text.append("Deadline:    ").append(alert.deadline()).append(" (UTC)\n");
      text.append("Findings:    ").append(alert.counts()).append('\n');
      text.append("Score:       ").append(alert.score()).append('\n');
      if (alert.rootCause() != null) {
        text.append("Root cause:  ").append(alert.rootCause()).append('\n');
      }
      text.append("Image page:  ").append(alert.link()).append("\n\n");
      appendList(text, "Violations", alert.violations());
      appendList(text, "Top findings", alert.findings());
      text.append(alert.reference());
      if (!alert.labels().isEmpty()) {
        text.append(AlertText.SEPARATOR).append(alert.labels());
      }
      text.append("\n\n");
    }
    int unlisted = notification.unlisted(MAX_LISTED_ALERTS);
    if (unlisted > 0) {
      text.append("and ").append(unlisted).append(" more\n");
    }
    return text.toString().stripTrailing() + "\n";
  }

  private static void appendList(StringBuilder text, String title, List<String> lines) {
    text.append(title).append(":\n");
    if (lines.isEmpty()) {
      text.append("  none\n");
    }
    lines.forEach(line -> text.append("  - ").append(line).append('\n'));
    text.append('\n');
  }

  private static String html(NotificationText notification) {
    var html = new StringBuilder("<!DOCTYPE html><html><body>");
    html.append("<h2>").append(escape(notification.title())).append("</h2>");
    for (AlertText alert : notification.listed(MAX_LISTED_ALERTS)) {
      if (notification.grouped()) {
        html.append("<h3>").append(escape(alert.headline())).append("</h3>");
      }
      html.append("<table>");
      row(html, "Image", alert.image());
      row(html, "State", alert.status());
      row(html, "Priority", alert.priority());
      row(html, "Deadline (UTC)", alert.deadline());
      row(html, "Findings", alert.counts());
      row(html, "Score", alert.score());
      if (alert.rootCause() != null) {
        row(html, "Root cause", alert.rootCause());
      }
      html.append("</table>");
      html.append("<p><a href=\"").append(escape(alert.link())).append("\">Open the image</a></p>");
      htmlList(html, "Violations", alert.violations());
      htmlList(html, "Top findings", alert.findings());
      html.append("<p>")
          .append(escape(alert.reference()))
          .append(alert.labels().isEmpty() ? "" : escape(AlertText.SEPARATOR + alert.labels()))
          .append("</p>");
    }
    int unlisted = notification.unlisted(MAX_LISTED_ALERTS);
    if (unlisted > 0) {
      html.append("<p>and ").append(unlisted).append(" more</p>");
    }
    return html.append("</body></html>").toString();
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th align=\"left\">")
        .append(escape(label))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>");
  }

  private static void htmlList(StringBuilder html, String title, List<String> lines) {
    html.append("<h4>").append(escape(title)).append("</h4>");
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
