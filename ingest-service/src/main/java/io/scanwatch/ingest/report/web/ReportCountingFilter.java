package io.scanwatch.ingest.report.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every report post once its answer is known, including those Spring refuses before the
 * controller runs (a content type that is not JSON) and those answered by an exception handler.
 */
@Component
class ReportCountingFilter extends OncePerRequestFilter {

  private static final String REPORTS = "/api/v1/reports/";

  private final ReportMetrics metrics;

  ReportCountingFilter(ReportMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Posting is the only way a report comes in; GETs under the same path read stored ones.
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(REPORTS);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    metrics.finished(request, response.getStatus());
  }
}
