package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.scanwatch.localstack.MailSink.MailMessage;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

  @Test
  void slackMessageShowsItsFallbackTextThenEveryTextInItsBlocksInOrder() {
    var payload =
        """
        {"text": "P0: ghcr.io/acme/api:1.0 has 1 CRITICAL",
         "blocks": [
           {"type": "header", "text": {"type": "plain_text", "text": "P0 alert"}},
           {"type": "section", "fields": [
             {"type": "mrkdwn", "text": "*Image*\\nghcr.io/acme/api:1.0"},
             {"type": "mrkdwn", "text": "*Deadline*\\n48 h"}]},
           {"type": "context", "elements": [{"type": "mrkdwn", "text": "scanwatch"}]}]}
        """;

    assertThat(NotificationText.ofSlack(payload))
        .isEqualTo(
            """
              text:   P0: ghcr.io/acme/api:1.0 has 1 CRITICAL
              blocks:
                | P0 alert
                | *Image*
                | ghcr.io/acme/api:1.0
                | *Deadline*
                | 48 h
                | scanwatch
            """);
  }

  @Test
  void slackAttachmentsCountAsBlocks() {
    var payload = "{\"attachments\":[{\"color\":\"#d00\",\"text\":\"fixed\"}]}";

    assertThat(NotificationText.ofSlack(payload))
        .isEqualTo("  text:   (none)\n  blocks:\n    | fixed\n");
  }

  @Test
  void mailShowsSenderRecipientSubjectAndBody() {
    var mail =
        new MailMessage(
            1,
            Instant.EPOCH,
            "scanwatch@localhost",
            "security-team@localhost",
            "[P0] ghcr.io/acme/api:1.0",
            "1 CRITICAL\nfix within 48 h\n",
            Path.of("1.eml"));

    assertThat(NotificationText.ofMail(mail))
        .isEqualTo(
            """
              from:    scanwatch@localhost
              to:      security-team@localhost
              subject: [P0] ghcr.io/acme/api:1.0
              body:
                | 1 CRITICAL
                | fix within 48 h
            """);
  }
}
