package io.scanwatch.notifier.channel.webhook;

import io.scanwatch.notifier.channel.ReceiverSettings;
import io.scanwatch.notifier.receiver.ChannelFactory;
import io.scanwatch.notifier.receiver.ReceiverProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Builds {@code webhook} receivers: any HTTP(S) {@code url} and the signing {@code secret}. */
@Component
public class WebhookChannelFactory implements ChannelFactory {

  // Our own endpoints: no limit unless the receiver says so.
  static final double DEFAULT_MAX_PER_SECOND = 0;

  // Short enough to guess is short enough to forge.
  private static final int MIN_SECRET_LENGTH = 16;

  private final Clock clock;

  public WebhookChannelFactory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String type() {
    return WebhookChannel.TYPE;
  }

  @Override
  public WebhookChannel create(ReceiverProperties receiver) {
    String name = ReceiverSettings.name(receiver);
    String secret = ReceiverSettings.required(receiver, "secret", receiver.secret());
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw ReceiverSettings.invalid(
          receiver, "secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    return new WebhookChannel(
        name,
        ReceiverSettings.httpUrl(receiver),
        secret,
        ReceiverSettings.maxPerSecond(receiver, DEFAULT_MAX_PER_SECOND),
        receiver.connectTimeout(),
        receiver.readTimeout(),
        clock);
  }
}
