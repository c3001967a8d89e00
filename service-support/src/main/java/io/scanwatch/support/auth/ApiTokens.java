package io.scanwatch.support.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The accepted API tokens, held only as SHA-256 hashes. A presented token is hashed and compared
 * with every accepted hash in constant time, so neither the comparison nor the number of
 * comparisons tells an attacker how close a guess was.
 */
public final class ApiTokens {

  private final List<byte[]> acceptedHashes;

  public ApiTokens(Collection<String> tokens) {
    this.acceptedHashes =
        tokens.stream()
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .map(ApiTokens::sha256)
            .toList();
    if (acceptedHashes.isEmpty()) {
      throw new IllegalArgumentException("at least one non-blank API token is required");
    }
  }

  /** Whether {@code presented} is one of the accepted tokens. */
  public boolean accepts(String presented) {
    if (presented == null || presented.isEmpty()) {
      return false;
    }
    byte[] hash = sha256(presented);
    boolean match = false;
    for (byte[] accepted : acceptedHashes) {
      match |= MessageDigest.isEqual(accepted, hash);
    }
    return match;
  }

  /**
   * A name for {@code token} that is safe to log and store: the first 8 hex digits of its SHA-256,
   * enough to tell a deployment's tokens apart, far too few to find the token again.
   */
  public static String fingerprint(String token) {
    return HexFormat.of().formatHex(sha256(token), 0, 4);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
