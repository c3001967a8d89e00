package io.scanwatch.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every service's API answers errors with: RFC 9457 problem JSON with a machine-readable
 * {@code reason}, for the errors Spring MVC raises (404, 405, 406, 415, …), those of {@code
 * ResponseStatusException}, parameters Tomcat cannot decode, and, as a last resort, an unexpected
 * failure, which is logged and answered 500 without its details. A service extends it with a
 * {@code @RestControllerAdvice} of its own for what only it answers.
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  /**
   * The {@code instance} an answer names for a request to {@code requestUri}, or {@code null} to
   * leave it as Spring sets it. A service whose URLs carry secrets shortens it here.
   */
  protected @Nullable URI instanceOf(String requestUri) {
    return null;
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
    return withReason(problem, status, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Unexpected failure", e);
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "an unexpected error occurred; the correlation id in X-Correlation-Id finds it in the"
                + " log");
    return withReason(problem, HttpStatus.INTERNAL_SERVER_ERROR, request);
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
      if (problem.getProperties() == null || !problem.getProperties().containsKey("reason")) {
        problem.setProperty("reason", ProblemReasons.of(statusCode));
      }
      if (request instanceof ServletWebRequest servlet) {
        URI instance = instanceOf(servlet.getRequest().getRequestURI());
        if (instance != null) {
          problem.setInstance(instance);
        }
      }
    }
    return super.handleExceptionInternal(ex, problemBody, headers, statusCode, request);
  }

  private ResponseEntity<ProblemDetail> withReason(
      ProblemDetail problem, HttpStatusCode status, HttpServletRequest request) {
    problem.setProperty("reason", ProblemReasons.of(status));
    URI instance = instanceOf(request.getRequestURI());
    if (instance != null) {
      problem.setInstance(instance);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
