package io.scanwatch.ingest.webhook;

/**
 * How a provider proves a delivery comes from a configured source. The secret is always the
 * source's; the provider decides where it travels.
 */
public sealed interface WebhookAuthentication {

  /**
   * The registry sends the secret verbatim in a header (Harbor's {@code Authorization}, a
   * distribution endpoint's configured header, an EventBridge API destination's API key).
   *
   * @param defaultHeader the header the provider uses unless the source names another
   */
  record SharedSecretHeader(String defaultHeader) implements WebhookAuthentication {}

  /**
   * The registry can send neither a header nor a signature: the secret is the URL's last segment.
   */
  record PathToken() implements WebhookAuthentication {}

  /**
   * The registry signs the raw body with HMAC-SHA256 under the secret and sends the hex digest.
   *
   * @param header the signature header, e.g. {@code X-Hub-Signature-256}
   * @param prefix what precedes the hex digest in the header, e.g. {@code sha256=}, or empty
   * @param acceptsPlainSecret whether the header may instead carry the secret itself (JFrog sends
   *     the secret token unless payload signing is switched on)
   */
  record HmacSignature(String header, String prefix, boolean acceptsPlainSecret)
      implements WebhookAuthentication {}
}
