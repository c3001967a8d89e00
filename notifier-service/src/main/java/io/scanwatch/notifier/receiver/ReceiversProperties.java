package io.scanwatch.notifier.receiver;

import io.scanwatch.notifier.routing.StrictBinding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;

/**
 * The receivers notifications go to ({@code scanwatch.notifier}). The list is bound strictly: a
 * misspelt setting stops the service rather than being ignored.
 *
 * @param receivers every receiver with its type and settings, usually from the notifier's YAML
 *     configuration file
 * @param slackWebhookUrl shorthand for a Slack incoming-webhook receiver named {@code slack}
 *     ({@code SLACK_WEBHOOK_URL}); a secret
 * @param emailTo shorthand for an e-mail receiver named {@code email} with these recipients ({@code
 *     EMAIL_TO})
 */
public record ReceiversProperties(
    List<ReceiverProperties> receivers, URI slackWebhookUrl, List<String> emailTo) {

  public ReceiversProperties {
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    slackWebhookUrl =
        slackWebhookUrl == null || slackWebhookUrl.toString().isBlank() ? null : slackWebhookUrl;
    emailTo =
        emailTo == null
            ? List.of()
            : emailTo.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
  }

  /**
   * The receivers {@code binder}'s configuration describes.
   *
   * @throws IllegalStateException naming every setting no receiver has
   */
  public static ReceiversProperties bind(
      Binder binder, Iterable<ConfigurationPropertySource> sources) {
    return new ReceiversProperties(
        StrictBinding.bind(
                binder,
                sources,
                "scanwatch.notifier.receivers",
                Bindable.listOf(ReceiverProperties.class))
            .orElse(null),
        binder.bind("scanwatch.notifier.slack-webhook-url", URI.class).orElse(null),
        binder.bind("scanwatch.notifier.email-to", Bindable.listOf(String.class)).orElse(null));
  }

  /** Every receiver: the configured ones, then those the shorthands describe. */
  public List<ReceiverProperties> all() {
    var all = new ArrayList<>(receivers);
    if (slackWebhookUrl != null) {
      all.add(
          new ReceiverProperties(
              "slack", "slack", slackWebhookUrl, null, null, null, null, null, null, null));
    }
    if (!emailTo.isEmpty()) {
      all.add(
          new ReceiverProperties(
              "email", "email", null, null, null, emailTo, null, null, null, null));
    }
    return all;
  }

  @Override
  public String toString() {
    return "ReceiversProperties[receivers="
        + receivers
        + ", slackWebhookUrl="
        + (slackWebhookUrl == null ? "none" : "(secret)")
        + ", emailTo="
        + emailTo
        + "]";
  }
}
