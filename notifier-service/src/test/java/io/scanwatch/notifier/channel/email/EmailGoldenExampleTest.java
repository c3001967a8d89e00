package io.scanwatch.notifier.channel.email;

import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.GoldenFile;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.NotificationText;
import org.junit.jupiter.api.Test;

/** The e-mail of the alert that started Scanwatch, as {@link GoldenFile} keeps it. */
class EmailGoldenExampleTest {

  @Test
  void theDebian11P0RendersAsTheExampleFileShows() {
    EmailMessage mail =
        EmailMessage.render(
            NotificationText.of(
                AlertEvents.notification(AlertEvents.debian11P0()), ImageLinks.defaults()));

    GoldenFile.assertTextMatches(
        "email-p0-debian11.txt", "Subject: " + mail.subject() + "\n\n" + mail.text());
  }
}
