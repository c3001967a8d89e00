package io.scanwatch.notifier.channel.webhook;

import io.scanwatch.contracts.EventJson;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.GoldenFile;
import org.junit.jupiter.api.Test;

/** The webhook payload of the alert that started Scanwatch, as {@link GoldenFile} keeps it. */
class WebhookGoldenExampleTest {

  @Test
  void theDebian11P0IsSentAsTheExampleFileShows() {
    GoldenFile.assertJsonMatches(
        "webhook-p0-debian11.json",
        EventJson.mapper()
            .readTree(WebhookChannel.payload(AlertEvents.notification(AlertEvents.debian11P0()))));
  }
}
