package io.scanwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BoundedBodyTest {

  private static final int LIMIT = 1024;

  @Test
  void aBodyWithinTheLimitIsReadWhole() throws IOException {
    byte[] body = "{\"SchemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);

    assertThat(BoundedBody.read(request(body, null), LIMIT))
        .isInstanceOfSatisfying(BoundedBody.Read.class, r -> assertThat(r.bytes()).isEqualTo(body));
  }

  @Test
  void aBodyOverTheLimitIsTooLargeWhetherOrNotItsLengthIsDeclared() throws IOException {
    MockHttpServletRequest undeclared = request(new byte[LIMIT + 1], null);
    undeclared.removeHeader("Content-Length");

    assertThat(BoundedBody.read(request(new byte[LIMIT + 1], null), LIMIT))
        .isEqualTo(new BoundedBody.TooLarge(LIMIT));
    assertThat(BoundedBody.read(undeclared, LIMIT)).isEqualTo(new BoundedBody.TooLarge(LIMIT));
  }

  @Test
  void theLimitAppliesAfterDecompressionSoASmallGzipBombIsRefused() throws IOException {
    byte[] bomb = gzip(new byte[LIMIT * 100]);
    assertThat(bomb.length).isLessThan(LIMIT);

    assertThat(BoundedBody.read(request(bomb, "gzip"), LIMIT))
        .isEqualTo(new BoundedBody.TooLarge(LIMIT));
  }

  @Test
  void gzipIsDecompressedWhateverTheCaseOfItsName() throws IOException {
    byte[] body = "{\"SchemaVersion\": 2}".getBytes(StandardCharsets.UTF_8);

    assertThat(BoundedBody.read(request(gzip(body), " GZIP "), LIMIT))
        .isInstanceOfSatisfying(BoundedBody.Read.class, r -> assertThat(r.bytes()).isEqualTo(body));
  }

  @Test
  void brokenGzipIsBrokenAndAnotherEncodingUnsupportedWithNothingRead() throws IOException {
    assertThat(
            BoundedBody.read(request("not gzip".getBytes(StandardCharsets.UTF_8), "gzip"), LIMIT))
        .isInstanceOf(BoundedBody.BrokenGzip.class);
    assertThat(BoundedBody.read(request(new byte[1], "br"), LIMIT))
        .isEqualTo(new BoundedBody.UnsupportedEncoding("br"));
  }

  private static MockHttpServletRequest request(byte[] body, String encoding) {
    var request = new MockHttpServletRequest("POST", "/api/v1/evaluate");
    request.setContent(body);
    if (encoding != null) {
      request.addHeader("Content-Encoding", encoding);
    }
    return request;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    var compressed = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(compressed)) {
      gzip.write(bytes);
    }
    return compressed.toByteArray();
  }
}
