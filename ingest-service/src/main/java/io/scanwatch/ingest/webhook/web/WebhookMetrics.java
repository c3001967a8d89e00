package io.scanwatch.ingest.webhook.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scanwatch.ingest.web.IngestedBytes;
import io.scanwatch.ingest.webhook.WebhookSources;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Webhook metrics, every label from a fixed set: {@code scanwatch_webhooks_received_total{provider,
 * outcome}} (provider {@code unknown} for a provider segment that names no registry) and {@code
 * scanwatch_ingested_bytes_total{input="webhook"}}.
 */
@Component
class WebhookMetrics {

  static final String RECEIVED = "scanwatch.webhooks.received";
  static final String UNKNOWN_PROVIDER = "unknown";

  /**
   * Every outcome of a known provider: {@code WebhookIntakeOutcome#outcomeLabel()}'s and, from
   * {@code too_large} on, the controller's own.
   */
  static final List<String> OUTCOMES =
      List.of(
          "accepted",
          "duplicate",
          "ignored",
          "malformed",
          "unrecognised",
          "limit_exceeded",
          "out_of_scope",
          "unauthenticated",
          "too_large",
          "unsupported_media_type",
          "unavailable");

  private final MeterRegistry registry;
  private final Counter ingestedBytes;

  WebhookMetrics(MeterRegistry registry, WebhookSources sources) {
    this.registry = registry;
    this.ingestedBytes = IngestedBytes.of(registry, "webhook");
    // Series that exist from the start let rate() and alert rules see the first delivery.
    for (String provider : sources.providers()) {
      for (String outcome : OUTCOMES) {
        received(provider, outcome);
      }
    }
    received(UNKNOWN_PROVIDER, "unknown_provider");
  }

  /** Counts a delivery; {@code outcome} is one of {@link #OUTCOMES} or {@code unknown_provider}. */
  Counter received(String provider, String outcome) {
    return Counter.builder(RECEIVED)
        .description("Registry webhook deliveries by provider and outcome")
        .tag("provider", provider)
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Counts a body that was read whole. */
  void read(byte[] body) {
    ingestedBytes.increment(body.length);
  }
}
