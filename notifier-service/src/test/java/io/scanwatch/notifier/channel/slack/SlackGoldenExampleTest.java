package io.scanwatch.notifier.channel.slack;

import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.GoldenFile;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.NotificationText;
import org.junit.jupiter.api.Test;

/** The Slack message of the alert that started Scanwatch, as {@link GoldenFile} keeps it. */
class SlackGoldenExampleTest {

  @Test
  void theDebian11P0RendersAsTheExampleFileShows() {
    GoldenFile.assertJsonMatches(
        "slack-p0-debian11.json",
        SlackMessage.render(
            NotificationText.of(
                AlertEvents.notification(AlertEvents.debian11P0()), ImageLinks.defaults())));
  }
}
