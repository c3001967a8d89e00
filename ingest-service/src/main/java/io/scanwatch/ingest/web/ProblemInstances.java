package io.scanwatch.ingest.web;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A problem's {@code instance}: the request's path, but of a webhook URL only its provider and
 * source, since a further segment is the token of the registries that authenticate by path. Set
 * explicitly on every problem, as Spring would otherwise echo the whole request path.
 */
final class ProblemInstances {

  private static final String WEBHOOKS = "/api/v1/webhooks";

  private ProblemInstances() {}

  /** The instance for a request to {@code requestUri} (as the request line gives it). */
  static URI of(String requestUri) {
    String path = requestUri == null || requestUri.isEmpty() ? "/" : requestUri;
    if (path.startsWith(WEBHOOKS + "/")) {
      String[] segments = path.substring(WEBHOOKS.length() + 1).split("/", -1);
      var builder = UriComponentsBuilder.fromPath(WEBHOOKS);
      for (int i = 0; i < Math.min(2, segments.length); i++) {
        if (!segments[i].isEmpty()) {
          builder.path("/" + segments[i]);
        }
      }
      path = builder.build().toUriString();
    }
    try {
      return URI.create(path);
    } catch (IllegalArgumentException notAUri) {
      return URI.create("/");
    }
  }
}
