package io.scanwatch.ingest.webhook;

import io.scanwatch.contracts.Labels;
import io.scanwatch.contracts.RepositoryGlob;
import java.util.List;
import java.util.Map;

/**
 * A configured sender of webhooks: one registry (or one project of it) and the secret it proves
 * itself with. The secret never leaves this object: not in logs, events or answers.
 *
 * @param provider the registry kind, a {@link WebhookNormalizer#provider()}
 * @param name the source's name, the last path segment of its URL before any token
 * @param secret the shared secret, signing key or path token
 * @param header for header-authenticated providers, the header carrying the secret when not the
 *     provider's default; else {@code null}
 * @param registry the registry host to file its images under, overriding what the payload says
 *     (Harbor, for one, reports its internal host name); {@code null} to take the payload's
 * @param repositories globs of the repositories this source may report on ({@code *} within a path
 *     segment, {@code **} across segments); empty for any
 * @param labels labels of every image this source reports on (team, environment), for selecting its
 *     policy
 */
public record WebhookSource(
    String provider,
    String name,
    String secret,
    String header,
    String registry,
    List<String> repositories,
    Map<String, String> labels) {

  public WebhookSource {
    repositories = repositories == null ? List.of() : List.copyOf(repositories);
    labels = labels == null ? Map.of() : Labels.validated(labels);
    header = header == null || header.isBlank() ? null : header;
    registry = registry == null || registry.isBlank() ? null : registry;
  }

  /** Whether this source may report on {@code repository}. */
  public boolean covers(String repository) {
    return repositories.isEmpty()
        || repositories.stream().anyMatch(glob -> RepositoryGlob.of(glob).matches(repository));
  }

  @Override
  public String toString() {
    return "WebhookSource[provider=" + provider + ", name=" + name + ", secret=****]";
  }
}
