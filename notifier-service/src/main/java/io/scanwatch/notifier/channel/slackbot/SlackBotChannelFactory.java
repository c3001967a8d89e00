package io.scanwatch.notifier.channel.slackbot;

import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.ReceiverSettings;
import io.scanwatch.notifier.receiver.ChannelFactory;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Builds {@code slack-bot} receivers: a bot {@code token}, the {@code channel} id to post to, and
 * optionally the Web API's {@code url} (default {@code https://slack.com/api}).
 */
@Component
public class SlackBotChannelFactory implements ChannelFactory {

  /** Slack's Web API. */
  public static final URI DEFAULT_API_URL = URI.create("https://slack.com/api");

  // chat.postMessage allows about one message per second per channel.
  static final double DEFAULT_MAX_PER_SECOND = 1;

  private final ImageLinks links;

  public SlackBotChannelFactory(ImageLinks links) {
    this.links = links;
  }

  @Override
  public String type() {
    return SlackBotChannel.TYPE;
  }

  @Override
  public SlackBotChannel create(ReceiverProperties receiver) {
    String name = ReceiverSettings.name(receiver);
    String token = ReceiverSettings.required(receiver, "token", receiver.token());
    String channel = ReceiverSettings.required(receiver, "channel", receiver.channel());
    if (!channel.matches("[A-Z0-9]+")) {
      throw ReceiverSettings.invalid(
          receiver, "channel must be a channel id such as C0123456789, not a name");
    }
    return new SlackBotChannel(
        name,
        ReceiverSettings.httpUrlOr(receiver, DEFAULT_API_URL),
        token,
        channel,
        ReceiverSettings.maxPerSecond(receiver, DEFAULT_MAX_PER_SECOND),
        receiver.connectTimeout(),
        receiver.readTimeout(),
        links);
  }
}
