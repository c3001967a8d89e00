package io.scanwatch.ingest.webhook;

import java.util.Map;

/**
 * A webhook request as it arrived, before anything is checked.
 *
 * @param provider the URL's provider segment
 * @param source the URL's source segment
 * @param pathToken the URL's token segment, or {@code null} when the URL has none
 * @param raw the body's bytes
 * @param headers the request headers
 * @param correlationId the request's correlation id
 */
public record WebhookDelivery(
    String provider,
    String source,
    String pathToken,
    byte[] raw,
    Map<String, String> headers,
    String correlationId) {}
