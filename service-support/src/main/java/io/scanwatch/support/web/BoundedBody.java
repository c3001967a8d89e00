package io.scanwatch.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;

/**
 * Reads a request body, plain or {@code Content-Encoding: gzip}, refusing to read past a limit so
 * an oversized body, or a small gzip bomb, costs no more memory than the limit. The limit applies
 * to the decompressed body. Reports and webhooks share it and answer its outcomes each in their own
 * words.
 */
public final class BoundedBody {

  private BoundedBody() {}

  /** What reading the body gave. */
  public sealed interface Outcome {}

  /** The (decompressed) body. */
  public record Read(byte[] bytes) implements Outcome {}

  /** The (decompressed) body is longer than {@code maxBytes}; no more than that was read. */
  public record TooLarge(long maxBytes) implements Outcome {}

  /** A {@code Content-Encoding} other than gzip or identity; nothing was read. */
  public record UnsupportedEncoding(String encoding) implements Outcome {}

  /** The body claims gzip but is not. */
  public record BrokenGzip(String reason) implements Outcome {}

  /** Reads at most {@code maxBytes} (decompressed) bytes of {@code request}'s body. */
  public static Outcome read(HttpServletRequest request, long maxBytes) throws IOException {
    String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
    String normalized = encoding == null ? null : encoding.strip().toLowerCase(Locale.ROOT);
    boolean gzip = "gzip".equals(normalized);
    if (normalized != null && !gzip && !normalized.equals("identity")) {
      return new UnsupportedEncoding(encoding);
    }
    if (!gzip && request.getContentLengthLong() > maxBytes) {
      return new TooLarge(maxBytes);
    }
    try (InputStream body =
        gzip ? new GZIPInputStream(request.getInputStream()) : request.getInputStream()) {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return bytes.length > maxBytes ? new TooLarge(maxBytes) : new Read(bytes);
    } catch (ZipException | EOFException e) {
      return new BrokenGzip(String.valueOf(e.getMessage()));
    }
  }
}
