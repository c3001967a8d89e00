package io.scanwatch.notifier.channel.email;

import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.NotificationText;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcomes;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import jakarta.mail.SendFailedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends notifications as e-mail, plain text with an HTML alternative, over SMTP to the receiver's
 * recipients. The SMTP password is Boot's mail sender's and never reaches a failure reason.
 */
public class EmailChannel implements NotificationChannel {

  /** The receiver type. */
  public static final String TYPE = "email";

  // JavaMail returns only when the server accepted the message, which SMTP answers with 250.
  private static final int SMTP_ACCEPTED = 250;

  private final String name;
  private final JavaMailSender mailSender;
  private final String from;
  private final String[] to;
  private final double maxPerSecond;
  private final ImageLinks links;

  public EmailChannel(
      String name,
      JavaMailSender mailSender,
      String from,
      List<String> to,
      double maxPerSecond,
      ImageLinks links) {
    this.name = Objects.requireNonNull(name, "name");
    this.mailSender = Objects.requireNonNull(mailSender, "mailSender");
    this.from = Objects.requireNonNull(from, "from");
    this.to = to.toArray(String[]::new);
    this.maxPerSecond = maxPerSecond;
    this.links = Objects.requireNonNull(links, "links");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public double maxPerSecond() {
    return maxPerSecond;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    EmailMessage message = EmailMessage.render(NotificationText.of(notification, links));
    try {
      mailSender.send(
          mime -> {
            var helper =
                new MimeMessageHelper(
                    mime, MimeMessageHelper.MULTIPART_MODE_RELATED, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
          });
      return new DeliveryOutcome.Delivered(SMTP_ACCEPTED);
    } catch (MailException e) {
      return outcomeOf(e);
    }
  }

  /**
   * Translates a failed send: an SMTP reply code when the server gave one, a refusal for bad
   * credentials or an unbuildable message, and otherwise a failure to reach the server.
   */
  static DeliveryOutcome outcomeOf(MailException failure) {
    if (failure instanceof MailAuthenticationException) {
      return DeliveryOutcomes.refused("SMTP authentication failed");
    }
    if (failure instanceof MailPreparationException || failure instanceof MailParseException) {
      return DeliveryOutcomes.refused("message could not be built: " + failure.getMessage());
    }
    List<Exception> causes =
        failure instanceof MailSendException send && send.getMessageExceptions().length > 0
            ? List.of(send.getMessageExceptions())
            : List.of(failure);
    for (Exception cause : causes) {
      for (Throwable link = cause; link != null; link = next(link)) {
        OptionalInt code = replyCode(link);
        if (code.isPresent()) {
          return DeliveryOutcomes.ofSmtpReply(code.getAsInt(), link.getMessage());
        }
      }
      if (cause instanceof SendFailedException rejected
          && rejected.getInvalidAddresses() != null
          && rejected.getInvalidAddresses().length > 0) {
        return DeliveryOutcomes.refused("recipients rejected: " + rejected.getMessage());
      }
    }
    return DeliveryOutcomes.ofTransportFailure(failure);
  }

  private static OptionalInt replyCode(Throwable failure) {
    return switch (failure) {
      case SMTPAddressFailedException address -> OptionalInt.of(address.getReturnCode());
      case SMTPSenderFailedException sender -> OptionalInt.of(sender.getReturnCode());
      case SMTPSendFailedException send -> OptionalInt.of(send.getReturnCode());
      default -> OptionalInt.empty();
    };
  }

  @Override
  public String toString() {
    return "EmailChannel[name=" + name + ", to=" + List.of(to) + "]";
  }

  private static Throwable next(Throwable failure) {
    Throwable cause = failure.getCause();
    return cause == failure ? null : cause;
  }
}
