package io.scanwatch.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered event ids (UUID version 7, RFC 9562): the first 48 bits are the Unix time in
 * milliseconds, so ids sort by creation time.
 */
public final class EventIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private EventIds() {}

  /** A new random id whose time part is {@code at}. */
  public static UUID timeOrdered(Instant at) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    return version7(at, random);
  }

  /**
   * An id that is the same every time for the same {@code at} and {@code name}. Handlers that may
   * see an input twice (at-least-once delivery) use it so that both runs publish the same event id
   * and consumers can drop the second.
   */
  public static UUID derived(Instant at, String name) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return version7(at, hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static UUID version7(Instant at, byte[] bits) {
    ByteBuffer source = ByteBuffer.wrap(bits);
    long randA = source.getShort() & 0x0FFFL;
    long randB = source.getLong() & 0x3FFF_FFFF_FFFF_FFFFL;
    long mostSignificant = (at.toEpochMilli() << 16) | (0x7L << 12) | randA;
    long leastSignificant = (0b10L << 62) | randB;
    return new UUID(mostSignificant, leastSignificant);
  }
}
