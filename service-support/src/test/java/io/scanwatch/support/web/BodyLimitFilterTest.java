package io.scanwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BodyLimitFilterTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BodyLimitProperties limits =
      new BodyLimitProperties(
          DataSize.ofBytes(100),
          Map.of("/api/v1/vex", DataSize.ofBytes(400)),
          List.of("/api/v1/evaluate"));
  private final EdgeAnswers answers = new EdgeAnswers(JSON, List.of());
  private final BodyLimitFilter filter = new BodyLimitFilter(limits, answers);

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeAnythingIsRead() throws Exception {
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    filter.doFilter(request("/api/v1/exceptions", 101, true), response, chain);

    assertThat(chain.getRequest()).isNull();
    assertTooLarge(response, 100);
  }

  @Test
  void anUndeclaredBodyStopsBeingReadAtTheLimitAnd413IsTheAnswer() throws Exception {
    var response = new MockHttpServletResponse();

    filter.doFilter(request("/api/v1/exceptions", 10_000, false), response, readingChain());

    assertTooLarge(response, 100);
  }

  @Test
  void aPathUnderAnOverrideHasItsLimitAndASelfLimitedPathNone() throws Exception {
    var vex = new MockHttpServletResponse();
    var vexOver = new MockHttpServletResponse();
    var vexes = new MockHttpServletResponse();
    var evaluate = new MockHttpServletResponse();

    filter.doFilter(request("/api/v1/vex", 400, false), vex, readingChain());
    filter.doFilter(request("/api/v1/vex/abc", 401, true), vexOver, readingChain());
    filter.doFilter(request("/api/v1/vexes", 101, true), vexes, readingChain());
    filter.doFilter(request("/api/v1/evaluate", 10_000, false), evaluate, readingChain());

    assertThat(vex.getStatus()).isEqualTo(200);
    assertTooLarge(vexOver, 400);
    assertTooLarge(vexes, 100);
    assertThat(evaluate.getStatus()).isEqualTo(200);
  }

  @Test
  void aFailureThatSpringWrappedIsStill413() throws Exception {
    var response = new MockHttpServletResponse();
    var request = request("/api/v1/exceptions", 1, false);
    var failure =
        new HttpMessageNotReadableException(
            "I/O error while reading input message",
            new IOException("wrapped", new BodyTooLargeException(100)),
            null);

    var answer =
        new BodyTooLargeResolver(answers).resolveException(request, response, null, failure);
    var other =
        new BodyTooLargeResolver(answers)
            .resolveException(
                request,
                new MockHttpServletResponse(),
                null,
                new HttpMessageNotReadableException("not JSON", null));

    assertThat(answer).isNotNull();
    assertTooLarge(response, 100);
    assertThat(other).isNull();
  }

  @Test
  void aLimitKeyThatLostItsSlashesStopsTheService() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BodyLimitProperties(
                    DataSize.ofMegabytes(1), Map.of("apiv1vex", DataSize.ofMegabytes(4)), null))
        .withMessageContaining("brackets");
  }

  private static MockHttpServletRequest request(String path, int size, boolean declared) {
    var request = new MockHttpServletRequest("POST", path);
    request.setServletPath(path);
    request.setContent(new byte[size]);
    if (!declared) {
      request.removeHeader("Content-Length");
    }
    return request;
  }

  /** A chain that reads the whole body, as a converter would, and answers 200. */
  private static MockFilterChain readingChain() {
    return new MockFilterChain() {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response) throws IOException {
        request.getInputStream().readAllBytes();
      }
    };
  }

  private static void assertTooLarge(MockHttpServletResponse response, long maxBytes)
      throws Exception {
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = JSON.readTree(response.getContentAsString());
    assertThat(problem.path("reason").asString()).isEqualTo("too-large");
    assertThat(problem.path("maxBytes").asLong()).isEqualTo(maxBytes);
    assertThat(problem.path("status").asInt()).isEqualTo(413);
  }
}
