package io.scanwatch.notifier.channel;

import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.Priority;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one notification says, before any channel's markup: a title and the facts of each alert.
 *
 * @param kind why the message is sent
 * @param title the message's first line: the headline of a single alert, preceded by its status
 *     unless it just started firing ({@code Resolved · P0 · registry/app:1.0}); for a grouped
 *     message the number of alerts by priority ({@code 3 alerts: 2 P0, 1 P1})
 * @param subjectPrefix the status words before the image in a single alert's e-mail subject, e.g.
 *     {@code Resolved: }, or empty
 * @param alerts the facts of every alert, in the order they arrived
 */
public record NotificationText(
    NotificationKind kind, String title, String subjectPrefix, List<AlertText> alerts) {

  public NotificationText {
    alerts = List.copyOf(alerts);
  }

  /** The text of {@code notification}, linking images with {@code links}. */
  public static NotificationText of(Notification notification, ImageLinks links) {
    List<AlertText> alerts =
        notification.alerts().stream()
            .map(alert -> AlertText.of(alert, notification.kind(), links))
            .toList();
    if (!notification.grouped()) {
      AlertText alert = alerts.getFirst();
      String prefix = alert.firing() ? "" : alert.status() + ": ";
      return new NotificationText(notification.kind(), prefix + alert.headline(), prefix, alerts);
    }
    String prefix =
        switch (notification.kind()) {
          case ALERT -> "";
          case REPEAT -> "Still open: ";
          case TEST -> "Test message: ";
        };
    return new NotificationText(
        notification.kind(),
        prefix + alerts.size() + " alerts: " + byPriority(notification.alerts()),
        prefix,
        alerts);
  }

  /** Whether the message groups several alerts. */
  public boolean grouped() {
    return alerts.size() > 1;
  }

  /** The first alert, which a single-alert message is about. */
  public AlertText first() {
    return alerts.getFirst();
  }

  /** At most {@code limit} alerts, for channels that list a grouped message compactly. */
  public List<AlertText> listed(int limit) {
    return alerts.subList(0, Math.min(limit, alerts.size()));
  }

  /** How many alerts {@link #listed(int)} leaves out, said as {@code and N more}. */
  public int unlisted(int limit) {
    return Math.max(0, alerts.size() - limit);
  }

  private static String byPriority(List<AlertEvent> alerts) {
    Map<Priority, Long> counts =
        alerts.stream()
            .collect(
                Collectors.groupingBy(
                    AlertEvent::priority,
                    () -> new EnumMap<>(Priority.class),
                    Collectors.counting()));
    return counts.entrySet().stream()
        .map(count -> count.getValue() + " " + count.getKey())
        .collect(Collectors.joining(", "));
  }
}
