package io.scanwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSinkTest {

  private final Session session = Session.getInstance(new Properties());

  @Test
  void multipartMailIsReadFromItsPlainTextPart() throws Exception {
    var html = new MimeBodyPart();
    html.setContent("<p>HTML version</p>", "text/html; charset=utf-8");
    var plain = new MimeBodyPart();
    plain.setText("Plain version", "utf-8");
    var message = new MimeMessage(session);
    message.setContent(new MimeMultipart("alternative", html, plain));
    message.saveChanges();

    assertThat(MailSink.text(message)).isEqualTo("Plain version");
  }

  @Test
  void htmlOnlyMailIsReadAsText() throws Exception {
    var message = new MimeMessage(session);
    message.setContent(
        "<html><head><style>p{color:red}</style></head><body><h1>P0 alert</h1>"
            + "<table><tr><td>CRITICAL</td><td>1</td></tr></table>"
            + "<p>Fix &amp; rebuild&nbsp;within 48&nbsp;h</p></body></html>",
        "text/html; charset=utf-8");
    message.saveChanges();

    assertThat(MailSink.text(message))
        .isEqualTo("P0 alert\nCRITICAL 1\n\nFix & rebuild within 48 h");
  }
}
