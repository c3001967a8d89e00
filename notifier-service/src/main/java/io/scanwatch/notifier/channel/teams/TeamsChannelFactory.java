package io.scanwatch.notifier.channel.teams;

import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.ReceiverSettings;
import io.scanwatch.notifier.receiver.ChannelFactory;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import org.springframework.stereotype.Component;

/** Builds {@code teams} receivers: a Teams Workflows webhook URL in {@code url}. */
@Component
public class TeamsChannelFactory implements ChannelFactory {

  // Teams throttles channel posts from webhooks at a few per second; one keeps well inside.
  static final double DEFAULT_MAX_PER_SECOND = 1;

  private final ImageLinks links;

  public TeamsChannelFactory(ImageLinks links) {
    this.links = links;
  }

  @Override
  public String type() {
    return TeamsChannel.TYPE;
  }

  @Override
  public TeamsChannel create(ReceiverProperties receiver) {
    return new TeamsChannel(
        ReceiverSettings.name(receiver),
        ReceiverSettings.httpUrl(receiver),
        ReceiverSettings.maxPerSecond(receiver, DEFAULT_MAX_PER_SECOND),
        receiver.connectTimeout(),
        receiver.readTimeout(),
        links);
  }
}
