package io.scanwatch.ingest.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A delivery as the normalizer sees it: the parsed body and the request headers.
 *
 * @param body the JSON body, any node type
 * @param headers request headers, names in lower case
 */
public record WebhookPayload(JsonNode body, Map<String, String> headers) {

  public WebhookPayload {
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
  }

  /** A payload without headers. */
  public static WebhookPayload of(JsonNode body) {
    return new WebhookPayload(body, Map.of());
  }

  /** The header's value, or {@code null}; the name is matched without regard to case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
