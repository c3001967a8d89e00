package io.scanwatch.ingest.web;

import io.scanwatch.ingest.report.web.ReportTooLargeException;
import io.scanwatch.support.kafka.EventPublishingException;
import io.scanwatch.support.web.ProblemExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * ingest-service's problem answers: the shared ones, none of which names more of a webhook URL than
 * its provider and source, the rest of it being possibly its token; a report over its size limit
 * (413); and the broker not acknowledging an event (503 with {@code Retry-After}: the caller
 * retries the same bytes and gets exactly one event).
 */
@RestControllerAdvice
class ApiProblemHandler extends ProblemExceptionHandler {

  @Override
  protected URI instanceOf(String requestUri) {
    return ProblemInstances.of(requestUri);
  }

  @ExceptionHandler(ReportTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(ReportTooLargeException e, HttpServletRequest request) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setTitle("Report too large");
    problem.setProperty("reason", "too-large");
    problem.setProperty("maxBytes", e.maxBytes());
    problem.setInstance(instanceOf(request.getRequestURI()));
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(EventPublishingException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(
      EventPublishingException e, HttpServletRequest request) {
    logOutage("broker unavailable", () -> "Event not published: " + e.getMessage());
    return unavailable("the message broker did not acknowledge the event", request);
  }
}
