package io.scanwatch.notifier.channel.email;

import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.ReceiverSettings;
import io.scanwatch.notifier.receiver.ChannelFactory;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Builds {@code email} receivers: the recipients in {@code to}, sent through Boot's mail sender
 * ({@code spring.mail.*}) from {@code scanwatch.notifier.email.from}.
 */
@Component
public class EmailChannelFactory implements ChannelFactory {

  // The SMTP server decides; JavaMail opens one connection per message anyway.
  static final double DEFAULT_MAX_PER_SECOND = 0;

  private final ObjectProvider<JavaMailSender> mailSender;
  private final EmailProperties properties;
  private final ImageLinks links;

  public EmailChannelFactory(
      ObjectProvider<JavaMailSender> mailSender, EmailProperties properties, ImageLinks links) {
    this.mailSender = mailSender;
    this.properties = properties;
    this.links = links;
  }

  @Override
  public String type() {
    return EmailChannel.TYPE;
  }

  @Override
  public EmailChannel create(ReceiverProperties receiver) {
    String name = ReceiverSettings.name(receiver);
    List<String> to = receiver.to();
    if (to.isEmpty()) {
      throw ReceiverSettings.invalid(receiver, "to needs at least one recipient");
    }
    for (String address : to) {
      try {
        new InternetAddress(address, true);
      } catch (AddressException e) {
        throw ReceiverSettings.invalid(receiver, "to holds an invalid address: " + address);
      }
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw ReceiverSettings.invalid(receiver, "no SMTP server configured (spring.mail.host)");
    }
    return new EmailChannel(
        name,
        sender,
        properties.from(),
        to,
        ReceiverSettings.maxPerSecond(receiver, DEFAULT_MAX_PER_SECOND),
        links);
  }
}
