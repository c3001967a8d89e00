package io.scanwatch.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to the limit {@link BodyLimitProperties} gives its path: a declared
 * {@code Content-Length} over it is answered 413 before anything is read, and a body of unknown
 * length is read through a stream that fails with {@link BodyTooLargeException} past the limit,
 * which {@link BodyTooLargeResolver} (or this filter) answers 413 too.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

  private final BodyLimitProperties limits;
  private final EdgeAnswers answers;

  public BodyLimitFilter(BodyLimitProperties limits, EdgeAnswers answers) {
    this.limits = limits;
    this.answers = answers;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Long> limit = limits.limitOf(request.getServletPath());
    if (limit.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long maxBytes = limit.get();
    if (request.getContentLengthLong() > maxBytes) {
      refuse(request, response, maxBytes, answers);
      return;
    }
    try {
      chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
    } catch (IOException | ServletException | RuntimeException e) {
      // A filter further on (or a servlet without Spring MVC's resolvers) read past the limit.
      BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
      if (tooLarge == null || response.isCommitted()) {
        throw e;
      }
      refuse(request, response, tooLarge.maxBytes(), answers);
    }
  }

  /** Answers 413 with the limit, and closes the connection rather than read the rest. */
  static void refuse(
      HttpServletRequest request, HttpServletResponse response, long maxBytes, EdgeAnswers answers)
      throws IOException {
    response.setHeader(HttpHeaders.CONNECTION, "close");
    answers.write(
        request,
        response,
        HttpStatus.CONTENT_TOO_LARGE,
        "too-large",
        "the request body is larger than the limit of " + maxBytes + " bytes",
        Map.of("maxBytes", maxBytes));
  }

  private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), maxBytes);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long maxBytes;
    private long read;

    LimitedInputStream(ServletInputStream body, long maxBytes) {
      this.body = body;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = body.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLargeException(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
      return body.available();
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
