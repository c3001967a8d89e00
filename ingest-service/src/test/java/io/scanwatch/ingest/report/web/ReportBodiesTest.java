package io.scanwatch.ingest.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scanwatch.ingest.report.ReportLimitsProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

class ReportBodiesTest {

  private static final int LIMIT = 1024;

  private final ReportBodies bodies =
      new ReportBodies(new ReportLimitsProperties(DataSize.ofBytes(LIMIT), 500_000));

  @Test
  void aBodyWithinTheLimitIsReadWhole() throws IOException {
    byte[] body = "{\"SchemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);

    assertThat(bodies.read(request(body, null))).isEqualTo(body);
  }

  @Test
  void aBodyOverTheLimitIsTooLargeWhetherOrNotItsLengthIsDeclared() {
    MockHttpServletRequest undeclared = request(new byte[LIMIT + 1], null);
    undeclared.removeHeader("Content-Length");

    assertThatThrownBy(() -> bodies.read(request(new byte[LIMIT + 1], null)))
        .isInstanceOf(ReportTooLargeException.class);
    assertThatThrownBy(() -> bodies.read(undeclared)).isInstanceOf(ReportTooLargeException.class);
  }

  @Test
  void theLimitAppliesAfterDecompressionSoASmallGzipBombIsRefused() throws IOException {
    byte[] bomb = gzip(new byte[LIMIT * 100]);
    assertThat(bomb.length).isLessThan(LIMIT);

    assertThatThrownBy(() -> bodies.read(request(bomb, "gzip")))
        .isInstanceOf(ReportTooLargeException.class);
  }

  @Test
  void gzipIsDecompressed() throws IOException {
    byte[] body = "{\"SchemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);

    assertThat(bodies.read(request(gzip(body), "GZIP"))).isEqualTo(body);
  }

  @Test
  void brokenGzipIsABadRequestAndAnotherEncodingUnsupported() {
    assertThatThrownBy(
            () -> bodies.read(request("not gzip".getBytes(StandardCharsets.UTF_8), "gzip")))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.getBody().getProperties()).containsEntry("reason", "malformed-gzip");
            });
    assertThatThrownBy(() -> bodies.read(request(new byte[1], "br")))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
  }

  private static MockHttpServletRequest request(byte[] body, String encoding) {
    var request = new MockHttpServletRequest("POST", "/api/v1/reports/trivy");
    request.setContent(body);
    if (encoding != null) {
      request.addHeader("Content-Encoding", encoding);
    }
    return request;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    var compressed = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(compressed)) {
      out.write(bytes);
    }
    return compressed.toByteArray();
  }
}
