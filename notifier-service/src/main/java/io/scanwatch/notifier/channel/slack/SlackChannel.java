package io.scanwatch.notifier.channel.slack;

import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcomes;
import io.scanwatch.notifier.delivery.Notification;
import io.scanwatch.notifier.delivery.NotificationChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts alerts to a Slack incoming webhook. The webhook URL is a secret: it is never logged and
 * never part of a failure reason.
 */
public class SlackChannel implements NotificationChannel, AutoCloseable {

  private static final String NAME = "slack";

  // Enough of an error body to carry Slack's reason ("invalid_payload", "channel_not_found").
  private static final int ERROR_BODY_BYTES = 200;

  private final URI webhookUrl;
  private final HttpClient httpClient;
  private final RestClient restClient;

  public SlackChannel(SlackProperties properties) {
    this.webhookUrl = Objects.requireNonNull(properties.webhookUrl(), "webhookUrl");
    this.httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    var requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(properties.readTimeout());
    this.restClient = RestClient.builder().requestFactory(requestFactory).build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String type() {
    return NAME;
  }

  @Override
  public double maxPerSecond() {
    // Slack takes about one message per second per incoming webhook.
    return 1;
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    byte[] payload =
        JsonMapper.shared().writeValueAsBytes(SlackMessage.render(notification.first()));
    try {
      return restClient
          .post()
          .uri(webhookUrl)
          .contentType(MediaType.APPLICATION_JSON)
          .body(payload)
          .exchange(
              (request, response) ->
                  DeliveryOutcomes.ofHttpStatus(
                      response.getStatusCode().value(),
                      response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                      errorBody(response)));
    } catch (RestClientException e) {
      return DeliveryOutcomes.ofTransportFailure(e);
    }
  }

  @Override
  public void close() {
    httpClient.close();
  }

  private static String errorBody(ClientHttpResponse response) throws IOException {
    if (response.getStatusCode().is2xxSuccessful()) {
      return null;
    }
    try (InputStream body = response.getBody()) {
      return new String(body.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
    }
  }
}
