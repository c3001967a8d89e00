package io.scanwatch.ingest.report.web;

import io.scanwatch.ingest.web.ProblemInstances;
import io.scanwatch.support.kafka.EventPublishingException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem answers (RFC 9457) for what can go wrong around a report or webhook that is not its
 * fault: too large, or the broker or store unavailable. The latter are 503 with {@code
 * Retry-After}: the caller retries the same bytes and gets exactly one event.
 */
@RestControllerAdvice
class ReportProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReportProblemHandler.class);
  private static final String RETRY_AFTER_SECONDS = "10";

  @ExceptionHandler(ReportTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(ReportTooLargeException e, HttpServletRequest request) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setTitle("Report too large");
    problem.setProperty("reason", "too-large");
    problem.setProperty("maxBytes", e.maxBytes());
    return respond(problem, request, null);
  }

  @ExceptionHandler(EventPublishingException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(
      EventPublishingException e, HttpServletRequest request) {
    LOG.warn("Event not published: {}", e.getMessage());
    return unavailable("the message broker did not acknowledge the event", request);
  }

  @ExceptionHandler(DataAccessResourceFailureException.class)
  ResponseEntity<ProblemDetail> storeUnavailable(
      DataAccessResourceFailureException e, HttpServletRequest request) {
    LOG.warn("Store unavailable: {}", e.getMessage());
    return unavailable("the store is unavailable", request);
  }

  private static ResponseEntity<ProblemDetail> unavailable(
      String detail, HttpServletRequest request) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, detail + "; retry the same request later");
    problem.setTitle("Temporarily unavailable");
    problem.setProperty("reason", "unavailable");
    return respond(problem, request, RETRY_AFTER_SECONDS);
  }

  /**
   * The answer, naming the request as its instance but no more of a webhook URL than its source.
   */
  private static ResponseEntity<ProblemDetail> respond(
      ProblemDetail problem, HttpServletRequest request, String retryAfter) {
    problem.setInstance(ProblemInstances.of(request.getRequestURI()));
    var response =
        ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, retryAfter);
    }
    return response.body(problem);
  }
}
