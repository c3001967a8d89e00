package io.scanwatch.notifier.channel.slack;

import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.ReceiverSettings;
import io.scanwatch.notifier.receiver.ChannelFactory;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import org.springframework.stereotype.Component;

/** Builds {@code slack} receivers: a Slack incoming-webhook URL in {@code url}. */
@Component
public class SlackChannelFactory implements ChannelFactory {

  // Slack takes about one message per second per incoming webhook.
  static final double DEFAULT_MAX_PER_SECOND = 1;

  private final ImageLinks links;

  public SlackChannelFactory(ImageLinks links) {
    this.links = links;
  }

  @Override
  public String type() {
    return SlackChannel.TYPE;
  }

  @Override
  public SlackChannel create(ReceiverProperties receiver) {
    return new SlackChannel(
        ReceiverSettings.name(receiver),
        ReceiverSettings.httpUrl(receiver),
        ReceiverSettings.maxPerSecond(receiver, DEFAULT_MAX_PER_SECOND),
        receiver.connectTimeout(),
        receiver.readTimeout(),
        links);
  }
}
