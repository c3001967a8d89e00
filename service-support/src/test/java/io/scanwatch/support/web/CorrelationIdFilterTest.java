package io.scanwatch.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTest {

  private final CorrelationIdFilter filter =
      new CorrelationIdFilter(Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aSaneCallerIdIsKeptLoggedWhileTheRequestRunsAndEchoed() throws Exception {
    var request = new MockHttpServletRequest("GET", "/api/v1/alerts");
    request.addHeader("X-Correlation-Id", "ci-run-42:step.7");
    var response = new MockHttpServletResponse();
    var logged = new AtomicReference<String>();

    filter.doFilter(
        request,
        response,
        new MockFilterChain() {
          @Override
          public void doFilter(
              jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
            logged.set(MDC.get(CorrelationIdFilter.MDC_KEY));
          }
        });

    assertThat(logged.get()).isEqualTo("ci-run-42:step.7");
    assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("ci-run-42:step.7");
    assertThat(CorrelationIdFilter.of(request)).isEqualTo("ci-run-42:step.7");
    assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).isNull();
  }

  @Test
  void anAbsentOrForgedIdIsReplacedByANewOne() throws Exception {
    var forged = new MockHttpServletRequest("GET", "/api/v1/alerts");
    forged.addHeader("X-Correlation-Id", "evil\nINFO fake log line");
    var forgedResponse = new MockHttpServletResponse();
    var absentResponse = new MockHttpServletResponse();

    filter.doFilter(forged, forgedResponse, new MockFilterChain());
    filter.doFilter(
        new MockHttpServletRequest("GET", "/api/v1/alerts"), absentResponse, new MockFilterChain());

    assertThat(forgedResponse.getHeader("X-Correlation-Id"))
        .matches("[0-9a-f-]{36}")
        .isEqualTo(CorrelationIdFilter.of(forged));
    assertThat(absentResponse.getHeader("X-Correlation-Id")).matches("[0-9a-f-]{36}");
  }
}
