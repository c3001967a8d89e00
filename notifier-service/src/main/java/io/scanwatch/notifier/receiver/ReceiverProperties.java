package io.scanwatch.notifier.receiver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One receiver as configured under {@code scanwatch.notifier.receivers}. Which settings apply
 * depends on the type; its {@link ChannelFactory} checks them.
 *
 * @param name unique, lower case; deliveries and metrics carry it
 * @param type {@code slack}, {@code slack-bot}, {@code email}, {@code teams} or {@code webhook}
 * @param url the webhook URL (Slack, Teams, generic webhook) or the Slack Web API base URL for a
 *     bot; a secret where it embeds a token
 * @param token the Slack bot token; a secret
 * @param channel the Slack channel id a bot posts to
 * @param to e-mail recipients
 * @param secret the key a generic webhook's body is signed with; a secret
 * @param maxPerSecond the most messages per second this receiver takes, or {@code null} for the
 *     type's default
 * @param connectTimeout how long to wait for a connection, or {@code null} for 2 s
 * @param readTimeout how long to wait for an answer once the request is sent, or {@code null} for
 *     10 s
 */
public record ReceiverProperties(
    String name,
    String type,
    URI url,
    String token,
    String channel,
    List<String> to,
    String secret,
    Double maxPerSecond,
    Duration connectTimeout,
    Duration readTimeout) {

  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  public ReceiverProperties {
    url = url == null || url.toString().isBlank() ? null : url;
    to =
        to == null
            ? List.of()
            : to.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
  }

  /** The rate limit: the configured one, else {@code typeDefault}. */
  public double maxPerSecondOr(double typeDefault) {
    return maxPerSecond == null ? typeDefault : maxPerSecond;
  }

  // Secrets stay out of logs and failure messages that print the configuration.
  @Override
  public String toString() {
    return "ReceiverProperties[name="
        + name
        + ", type="
        + type
        + ", url="
        + (url == null ? "none" : "(secret)")
        + ", token="
        + (token == null ? "none" : "(secret)")
        + ", channel="
        + channel
        + ", to="
        + to
        + ", secret="
        + (secret == null ? "none" : "(secret)")
        + ", maxPerSecond="
        + maxPerSecond
        + "]";
  }
}
