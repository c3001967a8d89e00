package io.scanwatch.support.web;

import java.io.IOException;

/**
 * A request body longer than the limit {@link BodyLimitFilter} applies to it. Whoever reads the
 * body may wrap it (Spring's converters do, in {@code HttpMessageNotReadableException}); {@link
 * #in(Throwable)} finds it again so the answer is 413, not 400 or 500.
 */
public class BodyTooLargeException extends IOException {

  private final long maxBytes;

  public BodyTooLargeException(long maxBytes) {
    super("the request body is larger than " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** This exception in {@code failure}'s chain of causes, or {@code null}. */
  public static BodyTooLargeException in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }
}
