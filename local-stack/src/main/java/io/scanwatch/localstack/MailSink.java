package io.scanwatch.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An SMTP server on 127.0.0.1 (GreenMail, no authentication) that accepts every mail and keeps it
 * in memory and as an {@code .eml} file, one entry per recipient it was delivered to.
 */
public final class MailSink implements AutoCloseable {

  /** A mail as delivered to one recipient, with its text decoded for reading. */
  public record MailMessage(
      int sequence,
      Instant receivedAt,
      String from,
      String to,
      String subject,
      String text,
      Path file) {}

  private final GreenMail greenMail;
  private final Path dir;
  private final Clock clock;
  private final List<MailMessage> messages = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();

  private MailSink(GreenMail greenMail, Path dir, Clock clock) {
    this.greenMail = greenMail;
    this.dir = dir;
    this.clock = clock;
  }

  /** Starts the SMTP server on {@code port}, writing what it receives to {@code dir}. */
  public static MailSink start(int port, Path dir, Clock clock) {
    var greenMail =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    var sink = new MailSink(greenMail, dir, clock);
    var userManager = greenMail.getUserManager();
    // Wrap GreenMail's own delivery, which creates mailboxes on the fly, to see every mail arrive.
    MessageDeliveryHandler delivery = userManager.getMessageDeliveryHandler();
    userManager.setMessageDeliveryHandler(
        (message, recipient) -> sink.deliver(delivery, message, recipient));
    greenMail.start();
    return sink;
  }

  /** Every mail received since the sink started, oldest first. */
  public List<MailMessage> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private GreenMailUser deliver(
      MessageDeliveryHandler delivery, MovingMessage message, MailAddress recipient)
      throws MessagingException, UserException {
    var user = delivery.handle(message, recipient);
    record(message.getMessage(), recipient.getEmail());
    return user;
  }

  private void record(MimeMessage mime, String recipient) throws MessagingException {
    var receivedAt = clock.instant();
    int number = sequence.incrementAndGet();
    var file = dir.resolve(SinkFiles.name(receivedAt, number, "eml"));
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(file)) {
        mime.writeTo(out);
      }
      messages.add(
          new MailMessage(
              number,
              receivedAt,
              addresses(mime.getFrom()),
              recipient,
              mime.getSubject() == null ? "" : mime.getSubject(),
              text(mime).replace("\r\n", "\n"),
              file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  /** The readable text of a part: its text/plain form if it has one, else its HTML as text. */
  static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.isMimeType("text/html")) {
      return HtmlText.of(part.getContent().toString());
    }
    if (part.isMimeType("multipart/*")) {
      var multipart = (Multipart) part.getContent();
      String fallback = "";
      for (int i = 0; i < multipart.getCount(); i++) {
        var body = multipart.getBodyPart(i);
        if (body.isMimeType("text/plain")) {
          return body.getContent().toString();
        }
        if (fallback.isEmpty()) {
          fallback = text(body);
        }
      }
      return fallback;
    }
    return "";
  }
}
