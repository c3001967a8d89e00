package io.scanwatch.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Past the bound, an input is refused at once with 503, and a finished one frees its slot. */
class InFlightLimitFilterTest {

  private final InFlightLimitFilter filter = new InFlightLimitFilter(1, JsonMapper.shared());

  @Test
  void anInputBeyondTheBoundGets503WithRetryAfterWhileTheFirstIsTakenIn() throws Exception {
    var second = new MockHttpServletResponse();
    FilterChain takingInTheFirst =
        (request, response) ->
            filter.doFilter(post("/api/v1/webhooks/harbor/local"), second, (q, r) -> {});

    var first = new MockHttpServletResponse();
    filter.doFilter(post("/api/v1/reports/trivy"), first, takingInTheFirst);

    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(second.getStatus()).isEqualTo(503);
    assertThat(second.getHeader("Retry-After")).isEqualTo("1");
    assertThat(second.getContentAsString()).contains("\"reason\":\"unavailable\"");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aFloodOfRefusalsIsLoggedOnceAndWithoutAWebhookUrlsToken(CapturedOutput output)
      throws Exception {
    String tokenUrl = "/api/v1/webhooks/dockerhub/hub/path-token-0123456789";
    var refused = new ArrayList<Integer>();
    FilterChain refusingAHundred =
        (request, response) -> {
          for (int i = 0; i < 100; i++) {
            var answer = new MockHttpServletResponse();
            filter.doFilter(post(tokenUrl), answer, (q, r) -> {});
            refused.add(answer.getStatus());
          }
        };

    filter.doFilter(post("/api/v1/reports/trivy"), new MockHttpServletResponse(), refusingAHundred);

    assertThat(refused).hasSize(100).containsOnly(503);
    List<String> logged = output.getAll().lines().filter(line -> line.contains("Refused")).toList();
    assertThat(logged).hasSize(1);
    assertThat(logged.getFirst())
        .contains("Refused /api/v1/webhooks/dockerhub/hub: 1 inputs are being taken in already")
        .doesNotContain("path-token");
  }

  @Test
  void aFinishedInputFreesItsSlotEvenWhenItFailed() throws Exception {
    FilterChain failing =
        (request, response) -> {
          throw new IllegalStateException("store down");
        };
    try {
      filter.doFilter(post("/api/v1/reports/trivy"), new MockHttpServletResponse(), failing);
    } catch (IllegalStateException expected) {
      // The failure is the controller's to answer; the slot must be free afterwards.
    }

    var next = new MockHttpServletResponse();
    filter.doFilter(post("/api/v1/reports/trivy"), next, (request, response) -> {});

    assertThat(next.getStatus()).isEqualTo(200);
  }

  @Test
  void readsAreNotBounded() throws Exception {
    var get = new MockHttpServletRequest("GET", "/api/v1/reports/123");
    get.setServletPath("/api/v1/reports/123");

    assertThat(filter.shouldNotFilter(get)).isTrue();
  }

  private static MockHttpServletRequest post(String path) {
    var request = new MockHttpServletRequest("POST", path);
    request.setServletPath(path);
    return request;
  }
}
