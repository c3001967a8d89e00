package io.scanwatch.notifier.channel.teams;

import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.GoldenFile;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.NotificationText;
import org.junit.jupiter.api.Test;

/** The Teams card of the alert that started Scanwatch, as {@link GoldenFile} keeps it. */
class TeamsGoldenExampleTest {

  @Test
  void theDebian11P0RendersAsTheExampleFileShows() {
    GoldenFile.assertJsonMatches(
        "teams-p0-debian11.json",
        TeamsCard.render(
            NotificationText.of(
                AlertEvents.notification(AlertEvents.debian11P0()), ImageLinks.defaults())));
  }
}
