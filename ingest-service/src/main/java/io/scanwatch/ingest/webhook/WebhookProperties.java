package io.scanwatch.ingest.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Registry webhooks: the configured sources and the limits every delivery meets.
 *
 * @param maxSize the largest delivery body accepted; larger ones get 413
 * @param redeliveryWindow how long the same provider, digest and action count as a redelivery when
 *     the provider sends no delivery id (or a new one for the same event)
 * @param sources who may send webhooks, and with which secret
 */
@Validated
@ConfigurationProperties("scanwatch.ingest.webhooks")
public record WebhookProperties(
    @NotNull DataSize maxSize, @NotNull Duration redeliveryWindow, @Valid List<Source> sources) {

  public WebhookProperties {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** The configured sources as the domain sees them. */
  public List<WebhookSource> webhookSources() {
    return sources.stream()
        .map(
            s ->
                new WebhookSource(
                    s.provider, s.name, s.secret, s.header, s.registry, s.repositories, s.labels))
        .toList();
  }

  /**
   * One source, e.g. {@code SCANWATCH_INGEST_WEBHOOKS_SOURCES_0_PROVIDER=harbor}.
   *
   * @param provider the registry kind
   * @param name unique per provider; the URL's source segment
   * @param secret the shared secret, signing key or path token
   * @param header the header carrying the secret, for header-authenticated providers, when not the
   *     provider's default
   * @param registry the registry host to file images under, when not the payload's
   * @param repositories repository globs the source may report on; empty for any
   * @param labels labels of its images, e.g. {@code
   *     SCANWATCH_INGEST_WEBHOOKS_SOURCES_0_LABELS_TEAM}
   */
  public record Source(
      @NotBlank String provider,
      @NotBlank String name,
      @NotBlank String secret,
      String header,
      String registry,
      List<String> repositories,
      Map<String, String> labels) {}
}
