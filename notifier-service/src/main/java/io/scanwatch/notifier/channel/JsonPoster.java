package io.scanwatch.notifier.channel;

import io.scanwatch.notifier.delivery.DeliveryOutcome;
import io.scanwatch.notifier.delivery.DeliveryOutcomes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Posts a JSON body to an HTTP receiver and translates the answer with {@link DeliveryOutcomes}.
 * The URL is never part of an outcome: for webhooks it is a secret.
 */
public final class JsonPoster implements AutoCloseable {

  // Enough of an answer for Slack's Web API result or a receiver's error reason.
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final HttpClient client;
  private final Duration readTimeout;

  /**
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for the answer once the request is sent
   */
  public JsonPoster(Duration connectTimeout, Duration readTimeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // HTTP/1.1 keeps plain-http receivers (and proxies) from an h2c upgrade dance.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = readTimeout;
  }

  /**
   * An accepted (2xx) answer.
   *
   * @param status the HTTP status
   * @param retryAfter the {@code Retry-After} header, or {@code null}
   * @param body the start of the body
   */
  public record Answer(int status, String retryAfter, String body) {}

  /** Posts {@code json}; a 2xx answer is delivered. */
  public DeliveryOutcome post(URI url, byte[] json, Map<String, String> headers) {
    return post(url, json, headers, answer -> new DeliveryOutcome.Delivered(answer.status()));
  }

  /**
   * Posts {@code json}; {@code accepted} reads a 2xx answer, since some receivers (Slack's Web API)
   * say in the body whether they took the message.
   */
  public DeliveryOutcome post(
      URI url,
      byte[] json,
      Map<String, String> headers,
      Function<Answer, DeliveryOutcome> accepted) {
    var request =
        HttpRequest.newBuilder(url)
            .timeout(readTimeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
      }
      String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return accepted.apply(new Answer(status, retryAfter, body));
      }
      return DeliveryOutcomes.ofHttpStatus(status, retryAfter, body);
    } catch (IOException e) {
      return DeliveryOutcomes.ofTransportFailure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryOutcomes.ofTransportFailure(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
