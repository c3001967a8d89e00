package io.scanwatch.ingest.report.web;

import io.scanwatch.ingest.report.ReportLimitsProperties;
import io.scanwatch.support.web.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads a posted report body, plain or {@code Content-Encoding: gzip}, no further than the
 * configured limit (see {@link BoundedBody}). The limit applies to the decompressed report.
 */
@Component
public class ReportBodies {

  private final long maxBytes;

  ReportBodies(ReportLimitsProperties limits) {
    this.maxBytes = limits.maxSize().toBytes();
  }

  /**
   * @throws ReportTooLargeException when the (decompressed) body is longer than the limit
   * @throws ResponseStatusException 415 for an encoding other than gzip
   * @throws ErrorResponseException 400 {@code malformed-gzip} for broken gzip
   */
  public byte[] read(HttpServletRequest request) throws IOException {
    return switch (BoundedBody.read(request, maxBytes)) {
      case BoundedBody.Read read -> read.bytes();
      case BoundedBody.TooLarge tooLarge -> throw new ReportTooLargeException(tooLarge.maxBytes());
      case BoundedBody.UnsupportedEncoding unsupported ->
          throw new ResponseStatusException(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "Content-Encoding '"
                  + unsupported.encoding()
                  + "' is not supported; send gzip or no encoding");
      case BoundedBody.BrokenGzip broken -> {
        var problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the body is not valid gzip: " + broken.reason());
        problem.setProperty("reason", "malformed-gzip");
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
      }
    };
  }
}
