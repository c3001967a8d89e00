package io.scanwatch.notifier.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: HMAC-SHA256, keyed with the receiver's secret, over the
 * timestamp header's value, a dot, and the raw body; sent hex-encoded as {@code
 * X-Scanwatch-Signature: sha256=<hex>}.
 */
public final class WebhookSignature {

  /** The header with {@code sha256=<hex>}. */
  public static final String SIGNATURE_HEADER = "X-Scanwatch-Signature";

  /** The header with the Unix time in seconds the request was signed at. */
  public static final String TIMESTAMP_HEADER = "X-Scanwatch-Timestamp";

  private WebhookSignature() {}

  /** The {@link #SIGNATURE_HEADER} value for {@code body} sent at {@code timestamp}. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
