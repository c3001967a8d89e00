package io.scanwatch.notifier.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.scanwatch.contracts.AlertEvent;
import io.scanwatch.contracts.AlertState;
import io.scanwatch.contracts.ImageReference;
import io.scanwatch.notifier.AlertEvents;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.NotificationChannelContract;
import io.scanwatch.notifier.channel.email.ScriptedSmtpServer.Script;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcome.PermanentFailure;
import io.scanwatch.notifier.delivery.DeliveryOutcome.RetryableFailure;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import io.scanwatch.notifier.delivery.NotificationKind;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The e-mail channel against GreenMail for what is delivered, and against {@link
 * ScriptedSmtpServer} for the SMTP equivalents of the contract's failures: 421 (no delay in SMTP),
 * 451 then success, 550, and a server that never answers.
 */
class EmailChannelTest extends NotificationChannelContract {

  private static final String FROM = "scanwatch@scanwatch.test";
  private static final List<String> TO = List.of("oncall@acme.test", "security@acme.test");
  private static final String SMTP_PASSWORD = "smtp-s3cr3t-password";

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  private ScriptedSmtpServer scripted;
  private int port;

  @BeforeEach
  void emptyMailboxes() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    port = smtp.getSmtp().getPort();
  }

  @AfterEach
  void stopScriptedServer() throws IOException {
    if (scripted != null) {
      scripted.close();
    }
  }

  @Override
  protected NotificationChannel channel() {
    return emailChannelTo(port);
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

  @Override
  protected List<String> secrets() {
    return List.of(SMTP_PASSWORD);
  }

  @Override
  protected void receiverThrottles() {
    useScripted(new Script("MAIL", "421 4.7.0 too many messages, slow down"));
  }

  @Override
  protected Duration expectedThrottleDelay() {
    // SMTP has no Retry-After: our own backoff decides.
    return null;
  }

  @Override
  protected void receiverFailsOnceThenAccepts() {
    useScripted(new Script("DATA", "451 4.3.0 local error in processing"), Script.ACCEPT);
  }

  @Override
  protected void receiverRefuses() {
    useScripted(new Script("RCPT", "550 5.1.1 user unknown"));
  }

  @Override
  protected void receiverNeverAnswers() {
    useScripted(Script.SILENT);
  }

  private void useScripted(Script... scripts) {
    scripted = new ScriptedSmtpServer(scripts);
    port = scripted.port();
  }

  @Test
  void a421IsRetryableWithTheServersReply() {
    receiverThrottles();

    DeliveryOutcome outcome = deliver();

    assertThat(outcome)
        .isEqualTo(
            new RetryableFailure("SMTP 421: 421 4.7.0 too many messages, slow down", 421, null));
  }

  @Test
  void aRecipientTheServerDoesNotKnowIsPermanent() {
    receiverRefuses();

    assertThat(deliver()).isInstanceOf(PermanentFailure.class);
    assertThat(((PermanentFailure) deliver()).statusCode()).isEqualTo(550);
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
    AlertEvent alert = AlertEvents.debian11P0();

    channel().deliver(AlertEvents.notification(alert));

    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(partOf(message, "text/plain"))
        .contains(
            "P0 · registry.acme.test/shop/backend:1.4.2",
            "State:       Firing",
            "Deadline:    2026-03-04T09:00:00Z (UTC)",
            "Findings:    CRITICAL 4 · HIGH 7 · MEDIUM 15 · LOW 31 · UNKNOWN 2",
            "Score:       74/100, grade C",
            "Root cause:  52 of 59 counted findings come from OS packages of Debian 11 (bullseye)",
            "Image page:  http://localhost:3000/d/scanwatch-image/scanwatch-image"
                + "?var-repository=registry.acme.test%2Fshop%2Fbackend&var-tag=1.4.2",
            "  - max-critical: 4 CRITICAL findings, at most 0 allowed",
            "  - CRITICAL CVE-2022-37434 in zlib1g 1:1.2.11.dfsg-2+deb11u1 → 1:1.2.11.dfsg-2+deb11u2",
            "  - CRITICAL CVE-2023-45853 in zlib1g 1:1.2.11.dfsg-2+deb11u1 → no fix yet",
            "environment=production, team=shop");
    assertThat(partOf(message, "text/html"))
        .contains(
            "<h2>P0 · registry.acme.test/shop/backend:1.4.2</h2>",
            "<td>2026-03-04T09:00:00Z</td>",
            "<td>74/100, grade C</td>",
            "<a href=\"http://localhost:3000/d/scanwatch-image/scanwatch-image"
                + "?var-repository=registry.acme.test%2Fshop%2Fbackend&amp;var-tag=1.4.2\">",
            "<li>CRITICAL CVE-2023-45853 in zlib1g 1:1.2.11.dfsg-2+deb11u1 → no fix yet</li>");
  }

  @Test
  void theSubjectSaysWhenTheAlertIsNotNews() throws Exception {
    AlertEvent alert = AlertEvents.p0Firing(AlertEvents.uniqueImage());

    channel()
        .deliver(AlertEvents.notification(AlertEvents.inState(alert, AlertState.RESOLVED, null)));
    channel().deliver(new Notification("n-test", NotificationKind.TEST, List.of(alert), null));

    assertThat(List.of(smtp.getReceivedMessages()))
        .extracting(MimeMessage::getSubject)
        .contains(
            "[Scanwatch P0] Resolved: " + alert.image().displayName(),
            "[Scanwatch P0] Test message: " + alert.image().displayName());
  }

  @Test
  void aGroupedMessageHasOneSectionPerAlert() throws Exception {
    AlertEvent first = AlertEvents.p0Firing(AlertEvents.uniqueImage());
    AlertEvent second = AlertEvents.p0Firing(AlertEvents.uniqueImage());

    channel()
        .deliver(
            new Notification("n-group", NotificationKind.REPEAT, List.of(first, second), null));

    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("[Scanwatch] Still open: 2 alerts: 2 P0");
    assertThat(partOf(message, "text/plain"))
        .contains(
            "== P0 · " + first.image().displayName() + " ==",
            "== P0 · " + second.image().displayName() + " ==",
            "State:       Still open");
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

  @Test
  void theFactoryNeedsRecipientsThatAreAddressesAndAMailServer() {
    var sender = new JavaMailSenderImpl();
    var factory =
        new EmailChannelFactory(
            new StaticListableBeanFactory(Map.of("mailSender", sender))
                .getBeanProvider(JavaMailSender.class),
            new EmailProperties(FROM),
            ImageLinks.defaults());

    assertThat(factory.type()).isEqualTo("email");
    EmailChannel channel = factory.create(receiver(TO));
    assertThat(channel.name()).isEqualTo("oncall-mail");
    assertThat(channel.maxPerSecond()).isZero();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver(List.of())))
        .withMessage("receiver 'oncall-mail' (email): to needs at least one recipient");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.create(receiver(List.of("oncall@acme.test", "not an address"))))
        .withMessage("receiver 'oncall-mail' (email): to holds an invalid address: not an address");
    var withoutServer =
        new EmailChannelFactory(
            new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
            new EmailProperties(FROM),
            ImageLinks.defaults());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withoutServer.create(receiver(TO)))
        .withMessageContaining("spring.mail.host");
  }

  private static ReceiverProperties receiver(List<String> to) {
    return new ReceiverProperties(
        "oncall-mail", "email", null, null, null, to, null, null, null, null);
  }

  private DeliveryOutcome deliver() {
    return channel()
        .deliver(AlertEvents.notification(AlertEvents.p0Firing(AlertEvents.uniqueImage())));
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
    sender.setPassword(SMTP_PASSWORD);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return new EmailChannel("oncall-mail", sender, FROM, TO, 0, LINKS);
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
