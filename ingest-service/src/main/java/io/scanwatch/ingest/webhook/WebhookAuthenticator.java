package io.scanwatch.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery's credential against its source. Every comparison is constant-time over SHA-256
 * digests, so neither the secret's content nor its length leaks through timing.
 */
final class WebhookAuthenticator {

  private WebhookAuthenticator() {}

  /**
   * @param pathToken the URL's token segment, or {@code null} when the URL has none
   */
  static boolean authenticates(
      WebhookAuthentication authentication,
      WebhookSource source,
      WebhookPayload payload,
      byte[] raw,
      String pathToken) {
    return switch (authentication) {
      case WebhookAuthentication.PathToken ignored ->
          pathToken != null && sameSecret(pathToken, source.secret());
      case WebhookAuthentication.SharedSecretHeader header -> {
        String name = source.header() != null ? source.header() : header.defaultHeader();
        String value = payload.header(name);
        yield pathToken == null && value != null && sameSecret(value, source.secret());
      }
      case WebhookAuthentication.HmacSignature hmac -> {
        String value = payload.header(hmac.header());
        yield pathToken == null
            && value != null
            && (validSignature(value, hmac.prefix(), source.secret(), raw)
                || hmac.acceptsPlainSecret() && sameSecret(value, source.secret()));
      }
    };
  }

  private static boolean validSignature(String header, String prefix, String secret, byte[] raw) {
    if (!header.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    String expected = HexFormat.of().formatHex(hmacSha256(secret, raw));
    return sameSecret(header.substring(prefix.length()).strip().toLowerCase(Locale.ROOT), expected);
  }

  private static boolean sameSecret(String presented, String expected) {
    return MessageDigest.isEqual(sha256(presented), sha256(expected));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  static byte[] hmacSha256(String secret, byte[] raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
