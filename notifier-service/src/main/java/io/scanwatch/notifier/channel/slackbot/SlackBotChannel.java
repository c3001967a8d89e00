package io.scanwatch.notifier.channel.slackbot;

import io.scanwatch.notifier.channel.HttpChannel;
import io.scanwatch.notifier.channel.ImageLinks;
import io.scanwatch.notifier.channel.JsonPoster.Answer;
import io.scanwatch.notifier.channel.NotificationText;
import io.scanwatch.notifier.channel.slack.SlackMessage;
import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcomes;
import io.scanwatch.notifier.delivery.Notification;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts notifications with a Slack app's bot token through the Web API's {@code chat.postMessage},
 * so that later messages about an alert (updates, escalation, resolution) go into the thread of its
 * first one. The token is a secret: it is never logged and never part of a failure reason or of
 * {@link #toString()}.
 */
public class SlackBotChannel extends HttpChannel {

  /** The receiver type. */
  public static final String TYPE = "slack-bot";

  private final URI postMessageUrl;
  private final String token;
  private final String channel;
  private final ImageLinks links;

  /**
   * @param apiUrl the Web API's base URL, e.g. {@code https://slack.com/api}
   * @param token the bot token ({@code xoxb-…})
   * @param channel the id of the channel to post to (the bot must be a member)
   */
  public SlackBotChannel(
      String name,
      URI apiUrl,
      String token,
      String channel,
      double maxPerSecond,
      Duration connectTimeout,
      Duration readTimeout,
      ImageLinks links) {
    super(name, maxPerSecond, connectTimeout, readTimeout);
    String base = apiUrl.toString();
    this.postMessageUrl = URI.create(base + (base.endsWith("/") ? "" : "/") + "chat.postMessage");
    this.token = Objects.requireNonNull(token, "token");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.links = Objects.requireNonNull(links, "links");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    ObjectNode message = SlackMessage.render(NotificationText.of(notification, links));
    message.put("channel", channel);
    if (notification.threadRef() != null) {
      message.put("thread_ts", notification.threadRef());
    }
    // Links to the image must not unfurl into a preview under every alert.
    message.put("unfurl_links", false);
    return poster()
        .post(
            postMessageUrl,
            JsonMapper.shared().writeValueAsBytes(message),
            Map.of(
                "Content-Type",
                "application/json; charset=utf-8",
                "Authorization",
                "Bearer " + token),
            answer -> posted(answer, notification.threadRef()));
  }

  /**
   * Reads Slack's answer, which is HTTP 200 whether or not the message was posted. The reference
   * returned is the thread to post later messages in: the new message's {@code ts}, or for a reply
   * its thread's, since Slack asks to thread under the parent, never under a reply.
   */
  private static DeliveryOutcome posted(Answer answer, String threadRef) {
    JsonNode result;
    try {
      result = JsonMapper.shared().readTree(answer.body());
    } catch (JacksonException notJson) {
      return DeliveryOutcomes.ofSlackApiError(null, answer.retryAfter());
    }
    if (!result.path("ok").asBoolean(false)) {
      String error = result.path("error").asString(null);
      return DeliveryOutcomes.ofSlackApiError(error, answer.retryAfter());
    }
    String ts = result.path("ts").asString(null);
    String thread = result.path("message").path("thread_ts").asString(null);
    if (threadRef != null) {
      return new DeliveryOutcome.Delivered(answer.status(), thread != null ? thread : threadRef);
    }
    return new DeliveryOutcome.Delivered(answer.status(), ts);
  }

  @Override
  public String toString() {
    return "SlackBotChannel[name=" + name() + ", channel=" + channel + ", token=(secret)]";
  }
}
