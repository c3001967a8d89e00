package io.scanwatch.ingest.web;

import io.scanwatch.support.web.RefusalLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds the reports and webhooks being taken in at once. Each holds its body in memory while it is
 * parsed and stored, so past the bound a request is answered 503 with {@code Retry-After} straight
 * away, as when the broker or store is down, instead of running the service out of heap. Under a
 * flood that is thousands of refusals a second, so they are logged at most once every 10 s, and by
 * their problem's {@code instance}, which leaves out a webhook URL's token.
 */
class InFlightLimitFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(InFlightLimitFilter.class);
  private static final String RETRY_AFTER_SECONDS = "1";

  private final RefusalLog refusals = RefusalLog.writingTo(LOG::info);
  private final Semaphore slots;
  private final int limit;
  private final JsonMapper json;

  InFlightLimitFilter(int limit, JsonMapper json) {
    this.slots = new Semaphore(limit);
    this.limit = limit;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath();
    return !"POST".equals(request.getMethod())
        || !(path.startsWith("/api/v1/reports/") || path.startsWith("/api/v1/webhooks/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!slots.tryAcquire()) {
      URI instance = ProblemInstances.of(request.getRequestURI());
      refusals.refused(
          "unavailable",
          () -> "Refused " + instance + ": " + limit + " inputs are being taken in already");
      var problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "ingest-service is taking in as many inputs as it can; retry the same request later");
      problem.setTitle("Temporarily unavailable");
      problem.setProperty("reason", "unavailable");
      problem.setInstance(instance);
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      slots.release();
    }
  }
}
