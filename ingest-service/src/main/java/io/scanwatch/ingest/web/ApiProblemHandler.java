package io.scanwatch.ingest.web;

import io.scanwatch.support.web.ProblemReasons;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error the API gives is RFC 9457 problem JSON with a machine-readable {@code reason}: the
 * ones Spring MVC raises (404, 405, 406, 415, …), those of {@code ResponseStatusException}, and, as
 * a last resort, an unexpected failure, which is logged and answered 500 without its details. No
 * answer names more of a webhook URL than its provider and source: the rest may be its token.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblemHandler.class);

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Spring's detail names the path, which for a webhook URL holds its token.
    ex.getBody().setDetail("no endpoint at this path");
    return super.handleNoResourceFoundException(ex, headers, status, request);
  }

  /** Tomcat's refusal of a query or form parameter it cannot decode, e.g. not UTF-8. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> undecodableParameter(
      InvalidParameterException e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.resolve(e.getErrorCode());
    if (status == null || !status.is4xxClientError()) {
      status = HttpStatus.BAD_REQUEST;
    }
    // A client's mistake, not a failure: one line, and no request data, which may be anything.
    LOG.info("Refused request parameters that cannot be decoded ({})", status.value());
    var problem =
        ProblemDetail.forStatusAndDetail(
            status, "the request's parameters cannot be read: percent-encode them as UTF-8");
    problem.setInstance(ProblemInstances.of(request.getRequestURI()));
    return handleWithReason(problem, status);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ex.getBody()
        .setDetail(
            "Content-Type '"
                + ex.getContentType()
                + "' is not supported; send "
                + MediaType.toString(ex.getSupportedMediaTypes()));
    return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Unexpected failure", e);
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "an unexpected error occurred; the correlation id in X-Correlation-Id finds it in the"
                + " log");
    problem.setInstance(ProblemInstances.of(request.getRequestURI()));
    return handleWithReason(problem, HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    // Spring passes no body for its own exceptions and fills it in later from the exception.
    Object problemBody = body == null && ex instanceof ErrorResponse error ? error.getBody() : body;
    if (problemBody instanceof ProblemDetail problem) {
      if (!hasReason(problem)) {
        problem.setProperty("reason", reasonOf(statusCode));
      }
      if (request instanceof ServletWebRequest servlet) {
        problem.setInstance(ProblemInstances.of(servlet.getRequest().getRequestURI()));
      }
    }
    return super.handleExceptionInternal(ex, problemBody, headers, statusCode, request);
  }

  private static ResponseEntity<ProblemDetail> handleWithReason(
      ProblemDetail problem, HttpStatusCode status) {
    problem.setProperty("reason", reasonOf(status));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean hasReason(ProblemDetail problem) {
    return problem.getProperties() != null && problem.getProperties().containsKey("reason");
  }

  /** A short fixed word per status, e.g. {@code not-found}, for clients and metrics. */
  static String reasonOf(HttpStatusCode status) {
    return ProblemReasons.of(status);
  }
}
