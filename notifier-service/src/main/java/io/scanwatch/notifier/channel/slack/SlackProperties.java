package io.scanwatch.notifier.channel.slack;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Slack receiver.
 *
 * @param webhookUrl the incoming-webhook URL; a secret, since anyone holding it can post to the
 *     channel. Blank turns the Slack receiver off
 * @param connectTimeout how long to wait for a connection to Slack
 * @param readTimeout how long to wait for Slack's answer once the request is sent
 */
@Validated
@ConfigurationProperties("scanwatch.notifier.slack")
public record SlackProperties(
    URI webhookUrl, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {

  public SlackProperties {
    webhookUrl = webhookUrl == null || webhookUrl.toString().isBlank() ? null : webhookUrl;
  }

  /** Whether a webhook URL is configured. */
  public boolean enabled() {
    return webhookUrl != null;
  }

  @AssertTrue(message = "webhook-url must be an absolute http or https URL")
  boolean isWebhookUrlHttp() {
    return webhookUrl == null
        || (("https".equalsIgnoreCase(webhookUrl.getScheme())
                || "http".equalsIgnoreCase(webhookUrl.getScheme()))
            && webhookUrl.getHost() != null);
  }

  @Override
  public String toString() {
    return "SlackProperties[webhookUrl="
        + (enabled() ? "(secret)" : "none")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }
}
