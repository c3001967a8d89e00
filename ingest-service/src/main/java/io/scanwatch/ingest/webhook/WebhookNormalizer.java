package io.scanwatch.ingest.webhook;

/**
 * The port every registry implements: how its webhooks are authenticated and how its payloads
 * become {@link RegistryEvent}s. One package per registry holds its implementation; Spring finds
 * it, so adding a registry needs no other wiring.
 *
 * <p>Implementations are pure functions of the payload: no I/O, no clock, no exceptions for any
 * JSON input. Whatever they cannot read is {@link WebhookOutcome.Unrecognized}.
 */
public interface WebhookNormalizer {

  /**
   * The provider's path segment in {@code /api/v1/webhooks/{provider}/{source}}, e.g. {@code
   * harbor}.
   */
  String provider();

  /** How a delivery from this provider proves it comes from the configured source. */
  WebhookAuthentication authentication();

  /**
   * One sentence naming the payload shape this provider sends, for the 422 answer to a well-formed
   * payload of another shape.
   */
  String expectedShape();

  /** The events a delivery carries, or why it carries none. */
  WebhookOutcome normalize(WebhookPayload payload);
}
