package io.scanwatch.notifier.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.NotificationChannelContract;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.NotificationChannel;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmailChannelTest extends NotificationChannelContract {

  private static final String FROM = "scanwatch@scanwatch.test";
  private static final List<String> TO = List.of("oncall@acme.test", "security@acme.test");

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  @BeforeEach
  void emptyMailboxes() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  @Override
  protected NotificationChannel channel() {
    return emailChannelTo(smtp.getSmtp().getPort());
  }

  @Override
  protected NotificationChannel channelToClosedPort(int port) {
    return emailChannelTo(port);
  }

  @Override
  protected List<String> receivedMessages() {
    // GreenMail keeps one copy per recipient; the contract counts messages.
    Map<String, String> byMessageId = new LinkedHashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      byMessageId.putIfAbsent(
          header(message, "Message-ID"),
          header(message, "Subject") + "\n" + partOf(message, "text/plain"));
    }
    return List.copyOf(byMessageId.values());
  }

  @Test
  void theMessageGoesFromTheSenderToEveryRecipientWithTheAlertSubject() throws Exception {
    ImageReference image = AlertEvents.uniqueImage();

    channel().deliver(AlertEvents.notification(AlertEvents.p0Firing(image)));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(TO.size());
    for (MimeMessage message : received) {
      assertThat(message.getSubject()).isEqualTo("[Scanwatch P0] " + image.displayName());
      assertThat(message.getFrom()).extracting(Address::toString).containsExactly(FROM);
      assertThat(message.getRecipients(Message.RecipientType.TO))
          .extracting(Address::toString)
          .containsExactlyElementsOf(TO);
    }
  }

  @Test
  void theBodyStatesTheFactsAsPlainTextAndAsHtml() {
    ImageReference image = AlertEvents.uniqueImage();

    channel().deliver(AlertEvents.notification(AlertEvents.p0Firing(image)));

    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(partOf(message, "text/plain"))
        .contains(
            "P0 alert FIRING for " + image.displayName(),
            "Deadline:  2026-12-05T10:15:30Z (UTC)",
            "Findings:  CRITICAL 1 · HIGH 0 · MEDIUM 3 · LOW 2 · UNKNOWN 0",
            "  - max-critical: 1 CRITICAL finding, at most 0 allowed",
            "  - CRITICAL CVE-2023-0286 in openssl 1.1.1n-0+deb11u3 → 1.1.1n-0+deb11u4",
            "  - MEDIUM CVE-2022-1304 in e2fsprogs 1.46.2-2 → no fix yet");
    assertThat(partOf(message, "text/html"))
        .contains(
            "<h2>P0 · " + image.displayName() + "</h2>",
            "<td>2026-12-05T10:15:30Z</td>",
            "<li>MEDIUM CVE-2022-1304 in e2fsprogs 1.46.2-2 → no fix yet</li>");
  }

  @Test
  void aRecipientTheServerRejectsIsAPermanentFailure() throws Exception {
    var rejected = rejectedRecipient(550, "550 5.1.1 <oncall@acme.test>: user unknown");

    assertThat(EmailChannel.outcomeOf(rejected))
        .isEqualTo(
            new PermanentFailure("SMTP 550: 550 5.1.1 <oncall@acme.test>: user unknown", 550));
  }

  @Test
  void aRecipientTheServerCannotTakeRightNowIsRetryable() throws Exception {
    var busy = rejectedRecipient(450, "450 4.2.1 mailbox busy");

    assertThat(EmailChannel.outcomeOf(busy))
        .isEqualTo(new RetryableFailure("SMTP 450: 450 4.2.1 mailbox busy", 450, null));
  }

  @Test
  void rejectedCredentialsAreAPermanentFailure() {
    var failure = new MailAuthenticationException("535 5.7.8 authentication failed");

    assertThat(EmailChannel.outcomeOf(failure))
        .isEqualTo(new PermanentFailure("SMTP authentication failed"));
  }

  private static MailSendException rejectedRecipient(int code, String reply) throws Exception {
    var address = new InternetAddress(TO.getFirst());
    var perAddress = new SMTPAddressFailedException(address, "RCPT TO", code, reply);
    var failure =
        new SendFailedException(
            "Invalid Addresses",
            perAddress,
            new Address[0],
            new Address[0],
            new Address[] {address});
    return new MailSendException(Map.of(new Object(), failure));
  }

  private static EmailChannel emailChannelTo(int port) {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return new EmailChannel(sender, new EmailProperties(FROM, TO));
  }

  private static String header(MimeMessage message, String name) {
    try {
      return name.equals("Subject") ? message.getSubject() : message.getHeader(name, ",");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first part of {@code mimeType} anywhere in the message's MIME tree. */
  private static String partOf(Part part, String mimeType) {
    try {
      if (part.isMimeType(mimeType)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int index = 0; index < multipart.getCount(); index++) {
          String found = partOf(multipart.getBodyPart(index), mimeType);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
