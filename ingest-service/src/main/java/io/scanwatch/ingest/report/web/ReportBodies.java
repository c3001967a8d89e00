package io.scanwatch.ingest.report.web;

import io.scanwatch.ingest.report.ReportLimitsProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads a posted report body, plain or {@code Content-Encoding: gzip}, refusing to read past the
 * configured limit so an oversized body, or a small gzip bomb, costs no more memory than the limit.
 * The limit applies to the decompressed report.
 */
@Component
public class ReportBodies {

  private final long maxBytes;

  ReportBodies(ReportLimitsProperties limits) {
    this.maxBytes = limits.maxSize().toBytes();
  }

  /**
   * @throws ReportTooLargeException when the (decompressed) body is longer than the limit
   * @throws ResponseStatusException 415 for an encoding other than gzip, 400 for broken gzip
   */
  public byte[] read(HttpServletRequest request) throws IOException {
    String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
    boolean gzip = encoding != null && encoding.strip().toLowerCase(Locale.ROOT).equals("gzip");
    if (encoding != null && !gzip && !encoding.strip().equalsIgnoreCase("identity")) {
      throw new ResponseStatusException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Content-Encoding '" + encoding + "' is not supported; send gzip or no encoding");
    }
    if (!gzip && request.getContentLengthLong() > maxBytes) {
      throw new ReportTooLargeException(maxBytes);
    }
    try (InputStream body =
        gzip ? new GZIPInputStream(request.getInputStream()) : request.getInputStream()) {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ReportTooLargeException(maxBytes);
      }
      return bytes;
    } catch (ZipException | EOFException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "the body is not valid gzip: " + e.getMessage());
    }
  }
}
